import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto } from '@app/common';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId!: string;
}

export class ListApiKeysQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  name!: string;
  @ApiProperty({ format: 'uuid' })
  universityId!: string;
  @ApiProperty()
  keyPrefix!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The secret, shown only in this response; send it as X-Api-Key. */
  @ApiProperty({ description: 'The secret, shown only in this response; send it as X-Api-Key.' })
  key!: string;
}
