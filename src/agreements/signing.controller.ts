import { Public } from '@app/common';
import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { requestInfo } from './agreements.controller';
import { LinkSignDto, ReasonDto } from './dto/agreement.dto';
import { SigningLinksService } from './signing-links.service';
import { SigningThrottlerGuard } from './signing-throttler.guard';

/** Public, token-scoped signing for signers without an account. */
@ApiTags('signing')
@UseGuards(SigningThrottlerGuard)
@Controller('signing')
export class SigningController {
  constructor(private readonly links: SigningLinksService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What the link signs: agreement, version, content hash, party, terms' })
  read(@Param('token') token: string) {
    return this.links.read(token);
  }

  @Public()
  @Post(':token/sign')
  @HttpCode(201)
  sign(@Param('token') token: string, @Body() dto: LinkSignDto, @Req() req: FastifyRequest) {
    return this.links.sign(token, dto, requestInfo(req));
  }

  @Public()
  @Post(':token/decline')
  @HttpCode(200)
  decline(@Param('token') token: string, @Body() dto: ReasonDto) {
    return this.links.decline(token, dto);
  }
}
