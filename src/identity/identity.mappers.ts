import { ApiKeyDto } from './dto/api-key.dto';
import { UserDto } from './dto/user.dto';
import { ApiKey } from './entities/api-key.entity';
import { User } from './entities/user.entity';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    version: user.version,
    email: user.email,
    name: user.name,
    role: user.role,
    universityId: user.universityId,
    foundationId: user.foundationId,
    companyId: user.companyId,
    studentId: user.studentId,
    active: user.active,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

export function toApiKeyDto(apiKey: ApiKey): ApiKeyDto {
  return {
    id: apiKey.id,
    version: apiKey.version,
    name: apiKey.name,
    universityId: apiKey.universityId,
    keyPrefix: apiKey.keyPrefix,
    createdAt: apiKey.createdAt,
    revokedAt: apiKey.revokedAt,
    lastUsedAt: apiKey.lastUsedAt,
  };
}
