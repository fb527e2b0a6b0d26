import { ApiProblems, ApiRateLimited, CurrentPrincipal, Principal, Public } from '@app/common';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AuthService } from './auth.service';
import { LoginDto, TokenResponseDto } from './dto/login.dto';
import { MeDto } from './dto/me.dto';
import { UserDto } from './dto/user.dto';
import { toUserDto } from './identity.mappers';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a JWT access token' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiRateLimited()
  @ApiProblems({ 401: 'Unknown email address or wrong password' })
  login(@Body() dto: LoginDto): Promise<TokenResponseDto> {
    return this.auth.login(dto.email, dto.password);
  }

  @Get('me')
  @ApiOperation({ summary: 'Who the credential belongs to' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentPrincipal() principal: Principal): Promise<Principal & { user?: UserDto }> {
    if (principal.kind !== 'user') return principal;
    return { ...principal, user: toUserDto(await this.users.get(principal, principal.id)) };
  }
}
