import { ApiPage, ApiProblems, CurrentPrincipal, IfMatch, Principal, Roles } from '@app/common';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AgreementSigningService, RequestInfo } from './agreement-signing.service';
import { AgreementTransitionsService } from './agreement-transitions.service';
import { AgreementsService } from './agreements.service';
import {
  AmendDto,
  CompleteDto,
  CreateAgreementDto,
  CreateSigningLinkDto,
  DeclineDto,
  ListAgreementsQueryDto,
  OptionalReasonDto,
  ReasonDto,
  SignDto,
  TerminateDto,
  UpdateAgreementDto,
} from './dto/agreement.dto';
import {
  AgreementDto,
  AgreementEventListDto,
  AgreementSignatureListDto,
  AgreementVersionDto,
  AgreementVersionListDto,
  CreatedSigningLinkDto,
} from './dto/agreement-responses.dto';
import { SigningLinksService } from './signing-links.service';

export function requestInfo(req: FastifyRequest): RequestInfo {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly transitions: AgreementTransitionsService,
    private readonly signing: AgreementSigningService,
    private readonly links: SigningLinksService,
  ) {}

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Draft a tripartite agreement (version 1 in draft)' })
  @ApiCreatedResponse({ type: AgreementDto })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateAgreementDto) {
    return this.agreements.create(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Agreements the caller may see; filter by status, student, employer or awaited party' })
  @ApiPage(AgreementDto)
  list(@CurrentPrincipal() p: Principal, @Query() query: ListAgreementsQueryDto) {
    return this.agreements.list(p, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An agreement with its parties, current version, signing state and outcome' })
  @ApiOkResponse({ type: AgreementDto })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.get(p, id);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Edit the current draft version (terms, host, language)' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({ 409: 'The current version is not a draft' })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgreementDto,
    @IfMatch() ifMatch?: number,
  ) {
    return this.agreements.update(p, id, dto, ifMatch);
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every version with its terms, status and content hash' })
  @ApiOkResponse({ type: AgreementVersionListDto })
  versions(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.versions(p, id);
  }

  @Get(':id/versions/:n')
  @ApiOperation({ summary: 'One version by number' })
  @ApiOkResponse({ type: AgreementVersionDto })
  version(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('n', ParseIntPipe) n: number,
  ) {
    return this.agreements.version(p, id, n);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Freeze the draft for signatures (content hashed, preview queued); body optional: { reason? }',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({
    403: 'Only admins and coordinators move agreements',
    409: "Not allowed in the agreement's current state (see the lifecycle)",
  })
  submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OptionalReasonDto,
  ) {
    return this.transitions.submit(p, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or pending agreement; { reason } is required' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({
    403: 'Only admins and coordinators move agreements',
    409: "Not allowed in the agreement's current state (see the lifecycle)",
  })
  cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.transitions.cancel(p, id, dto);
  }

  @Post(':id/amend')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Open an amendment of an active agreement (new draft version); { reason?, hostCompanyId?, language?, terms? }',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({
    403: 'Only admins and coordinators move agreements',
    409: "Not allowed in the agreement's current state (see the lifecycle)",
  })
  amend(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AmendDto,
  ) {
    return this.transitions.amend(p, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw the open amendment of an active agreement; the version in force stays',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({
    403: 'Only admins and coordinators move agreements',
    409: "Not allowed in the agreement's current state (see the lifecycle)",
  })
  withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
  ) {
    return this.transitions.withdraw(p, id, dto);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete an active agreement with its outcome; { reason? }' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({
    403: 'Only admins and coordinators move agreements',
    409: "Not allowed in the agreement's current state (see the lifecycle)",
  })
  complete(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteDto,
  ) {
    return this.transitions.complete(p, id, dto);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Terminate an active agreement; { reason (a termination reason), note? }',
  })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({
    403: 'Only admins and coordinators move agreements',
    409: "Not allowed in the agreement's current state (see the lifecycle)",
  })
  terminate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TerminateDto,
  ) {
    return this.transitions.terminate(p, id, dto);
  }

  @Get(':id/signatures')
  @ApiOperation({ summary: 'Signatures of every version, with their evidence' })
  @ApiOkResponse({ type: AgreementSignatureListDto })
  signatures(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.signatures(p, id);
  }

  @Post(':id/signatures')
  @HttpCode(201)
  @ApiOperation({ summary: "Sign the pending version as the caller's party" })
  @ApiCreatedResponse({ type: AgreementDto })
  @ApiProblems({ 403: 'You are not a signatory party of this agreement', 409: 'The version is not pending signatures, your party already signed, or contentHash is not the pending version\'s' })
  sign(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignDto,
    @Req() req: FastifyRequest,
  ) {
    return this.signing.signAsAccount(p, id, dto, requestInfo(req));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline the pending version as your party; { reason } is required' })
  @ApiOkResponse({ type: AgreementDto })
  @ApiProblems({ 403: 'You are not a signatory party of this agreement', 409: 'The version is not pending signatures' })
  decline(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineDto,
  ) {
    return this.signing.declineAsAccount(p, id, dto);
  }

  @Post(':id/signing-links')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'A one-time signing link (token shown once)' })
  @ApiCreatedResponse({ type: CreatedSigningLinkDto })
  @ApiProblems({ 409: 'The agreement is not pending signatures, the party already signed, or it has no such party' })
  createLink(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateSigningLinkDto,
  ) {
    return this.links.create(p, id, dto);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The hash-chained audit trail' })
  @ApiOkResponse({ type: AgreementEventListDto })
  events(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.agreements.eventsOf(p, id);
  }
}
