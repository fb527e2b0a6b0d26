import { ApiProblems, CurrentPrincipal, Principal } from '@app/common';
import { Body, Controller, ForbiddenException, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { DataSource } from 'typeorm';

export class MailPreferencesDto {
  @ApiProperty({ description: 'The weekly digest of overdue meetings and visits (coordinators)' })
  @IsBoolean({ message: 'overdueDigest must be a boolean' })
  overdueDigest!: boolean;
}

/** Preferences belong to people: an integration's API key has none. */
function userOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new ForbiddenException('Mail preferences are a user’s own');
  return principal.id;
}

@ApiTags('users')
@ApiProblems({ 403: 'An API key: preferences are a user’s own' })
@Controller('users/me/mail-preferences')
export class MailPreferencesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The caller’s e-mail preferences (the defaults until set)' })
  @ApiOkResponse({ type: MailPreferencesDto })
  async get(@CurrentPrincipal() p: Principal): Promise<MailPreferencesDto> {
    const rows: { overdue_digest: boolean }[] = await this.dataSource.query(
      `SELECT overdue_digest FROM mail_preferences WHERE user_id = $1`,
      [userOf(p)],
    );
    return { overdueDigest: rows[0]?.overdue_digest ?? true };
  }

  @Put()
  @ApiOperation({ summary: 'Sets the caller’s e-mail preferences' })
  @ApiOkResponse({ type: MailPreferencesDto })
  async put(
    @CurrentPrincipal() p: Principal,
    @Body() body: MailPreferencesDto,
  ): Promise<MailPreferencesDto> {
    await this.dataSource.query(
      `INSERT INTO mail_preferences (user_id, overdue_digest) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET overdue_digest = EXCLUDED.overdue_digest`,
      [userOf(p), body.overdueDigest],
    );
    return { overdueDigest: body.overdueDigest };
  }
}
