import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto, USER_ROLES, UserRole } from '@app/common';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty()
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role!: UserRole;

  /**
   * A coordinator's university; for a company_rep or foundation_staff, the one university they
   * are limited to (set to the coordinator's own when a coordinator creates them).
   */
  @ApiPropertyOptional({ format: 'uuid', description: "A coordinator's university; for a company_rep or foundation_staff, the one university they are limited to (set to the coordinator's own when a coordinator creates them)." })
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'foundationId must be a UUID' })
  foundationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId?: string;
}

export class ListUsersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ type: 'integer' })
  version!: number;
  @ApiProperty()
  email!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: USER_ROLES })
  role!: UserRole;
  /** For a company_rep or foundation_staff: the one university they are limited to (null: their whole organisation). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For a company_rep or foundation_staff: the one university they are limited to (null: their whole organisation).' })
  universityId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  foundationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  companyId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  studentId!: string | null;
  @ApiProperty()
  active!: boolean;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}
