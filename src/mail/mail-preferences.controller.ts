import { ApiProblems, CurrentPrincipal, Principal } from '@app/common';
import { Body, Controller, ForbiddenException, Get, Put } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { MAIL_LANGUAGES, MailLanguage } from './mail-templates';

export class MailPreferencesDto {
  @ApiProperty({ description: 'The weekly digest of overdue meetings and visits (coordinators)' })
  @IsBoolean({ message: 'overdueDigest must be a boolean' })
  overdueDigest!: boolean;

  @ApiPropertyOptional({
    enum: MAIL_LANGUAGES,
    default: 'nl',
    description:
      'The language of the weekly digest (messages about an agreement speak its language); unchanged when left out',
  })
  @IsOptional()
  @IsIn(MAIL_LANGUAGES, { message: `language must be one of ${MAIL_LANGUAGES.join(', ')}` })
  language?: MailLanguage;
}

/** As stored: the language is always there (Dutch until chosen). */
export class MailPreferencesViewDto extends MailPreferencesDto {
  @ApiProperty({ enum: MAIL_LANGUAGES })
  declare language: MailLanguage;
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
  @ApiOkResponse({ type: MailPreferencesViewDto })
  async get(@CurrentPrincipal() p: Principal): Promise<MailPreferencesViewDto> {
    const rows: { overdue_digest: boolean; language: MailLanguage }[] = await this.dataSource.query(
      `SELECT overdue_digest, language FROM mail_preferences WHERE user_id = $1`,
      [userOf(p)],
    );
    return { overdueDigest: rows[0]?.overdue_digest ?? true, language: rows[0]?.language ?? 'nl' };
  }

  @Put()
  @ApiOperation({ summary: 'Sets the caller’s e-mail preferences' })
  @ApiOkResponse({ type: MailPreferencesViewDto })
  async put(
    @CurrentPrincipal() p: Principal,
    @Body() body: MailPreferencesDto,
  ): Promise<MailPreferencesViewDto> {
    const [row]: { overdue_digest: boolean; language: MailLanguage }[] =
      await this.dataSource.query(
        `INSERT INTO mail_preferences (user_id, overdue_digest, language) VALUES ($1, $2, COALESCE($3, 'nl'))
       ON CONFLICT (user_id) DO UPDATE
         SET overdue_digest = EXCLUDED.overdue_digest,
             language = COALESCE($3, mail_preferences.language)
       RETURNING overdue_digest, language`,
        [userOf(p), body.overdueDigest, body.language ?? null],
      );
    return { overdueDigest: row.overdue_digest, language: row.language };
  }
}
