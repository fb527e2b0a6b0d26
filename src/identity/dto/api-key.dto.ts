import { ListQueryDto } from '@app/common';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId!: string;
}

export class ListApiKeysQueryDto extends ListQueryDto {
  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export class ApiKeyDto {
  id!: string;
  version!: number;
  name!: string;
  universityId!: string;
  keyPrefix!: string;
  createdAt!: Date;
  revokedAt!: Date | null;
  lastUsedAt!: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The secret, shown only in this response; send it as X-Api-Key. */
  key!: string;
}
