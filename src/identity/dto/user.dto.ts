import { ListQueryDto, USER_ROLES, UserRole } from '@app/common';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;

  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role!: UserRole;

  /**
   * A coordinator's university; for a company_rep or foundation_staff, the one university they
   * are limited to (set to the coordinator's own when a coordinator creates them).
   */
  @IsOptional()
  @IsUUID('all', { message: 'universityId must be a UUID' })
  universityId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'foundationId must be a UUID' })
  foundationId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'studentId must be a UUID' })
  studentId?: string;
}

export class ListUsersQueryDto extends ListQueryDto {
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export class UserDto {
  id!: string;
  version!: number;
  email!: string;
  name!: string;
  role!: UserRole;
  /** For a company_rep or foundation_staff: the one university they are limited to (null: their whole organisation). */
  universityId!: string | null;
  foundationId!: string | null;
  companyId!: string | null;
  studentId!: string | null;
  active!: boolean;
  createdAt!: Date;
  updatedAt!: Date;
}
