import { USER_ROLES } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserDto } from './user.dto';

const uuidOrNull = { type: String, format: 'uuid', nullable: true };

/** GET /auth/me: the principal the credential stands for, and the user behind a token. */
export class MeDto {
  @ApiProperty({ enum: ['user', 'api_key'] }) kind!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid', description: 'The user or the API key' }) id!: string;
  @ApiProperty({ enum: [...USER_ROLES, 'integration'] }) role!: string;
  @ApiProperty(uuidOrNull) universityId!: string | null;
  @ApiProperty(uuidOrNull) foundationId!: string | null;
  @ApiProperty(uuidOrNull) companyId!: string | null;
  @ApiProperty(uuidOrNull) studentId!: string | null;
  @ApiPropertyOptional({ type: UserDto, description: 'For a user (not an API key)' })
  user?: UserDto;
}
