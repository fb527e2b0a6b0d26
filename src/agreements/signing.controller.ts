import { ApiProblems, ApiRateLimited, Public } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { requestInfo } from './agreements.controller';
import { LinkSignDto, ReasonDto } from './dto/agreement.dto';
import { SigningLinkDto, SigningLinkOutcomeDto } from './dto/agreement-responses.dto';
import { SigningLinksService } from './signing-links.service';
import { SigningThrottlerGuard } from './signing-throttler.guard';

/** Public, token-scoped signing for signers without an account. */
@ApiTags('signing')
@ApiRateLimited()
@ApiProblems({ 410: 'The link was used, has expired, or its version is no longer pending' })
@UseGuards(SigningThrottlerGuard)
@Controller('signing')
export class SigningController {
  constructor(private readonly links: SigningLinksService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What the link signs: agreement, version, content hash, party, terms' })
  @ApiOkResponse({ type: SigningLinkDto })
  read(@Param('token') token: string) {
    return this.links.read(token);
  }

  @Public()
  @Post(':token/sign')
  @HttpCode(201)
  @ApiOperation({ summary: 'Sign through the link: the typed name, consent and the content hash you read' })
  @ApiCreatedResponse({ type: SigningLinkOutcomeDto })
  @ApiProblems({ 409: 'contentHash is not the pending version\'s, or the party already signed' })
  sign(@Param('token') token: string, @Body() dto: LinkSignDto, @Req() req: FastifyRequest) {
    return this.links.sign(token, dto, requestInfo(req));
  }

  @Public()
  @Post(':token/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline through the link, with a reason (the agreement goes back to draft)' })
  @ApiOkResponse({ type: SigningLinkOutcomeDto })
  @ApiProblems({ 409: 'The version is no longer pending signatures' })
  decline(@Param('token') token: string, @Body() dto: ReasonDto) {
    return this.links.decline(token, dto);
  }
}
