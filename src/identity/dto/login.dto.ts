import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class TokenResponseDto {
  @ApiProperty()
  accessToken!: string;
  /** Seconds until the token expires. */
  @ApiProperty({ type: 'integer', description: 'Seconds until the token expires.' })
  expiresIn!: number;
}
