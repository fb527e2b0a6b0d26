import {
  ApiPage,
  ApiProblems,
  CurrentPrincipal,
  ListQueryDto,
  Principal,
  Roles,
} from '@app/common';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointDto,
  DeliveriesQueryDto,
  RotatedSecretDto,
  RotateSecretDto,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookEndpointDto,
} from './dto/webhooks.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';

@ApiTags('webhooks')
@Roles('admin', 'coordinator', 'integration')
@Controller()
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Post('webhook-endpoints')
  @ApiOperation({
    summary:
      'Register a receiver of one university’s events (Standard Webhooks v1); the signing secret is shown only here',
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto })
  @ApiProblems({
    404: 'Another university than the caller’s',
    422: 'A URL that is not http(s), does not resolve, or resolves to a private address; an unknown event type',
  })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookEndpointDto) {
    return this.endpoints.create(p, dto);
  }

  @Get('webhook-endpoints')
  @ApiOperation({ summary: 'The webhook endpoints of the caller’s university (admins: all)' })
  @ApiPage(WebhookEndpointDto)
  list(@CurrentPrincipal() p: Principal, @Query() query: ListQueryDto) {
    return this.endpoints.list(p, query);
  }

  @Get('webhook-endpoints/:id')
  @ApiOperation({ summary: 'One webhook endpoint (never its secret)' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblems({ 404: 'No such endpoint at the caller’s university' })
  get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.endpoints.get(p, id);
  }

  @Delete('webhook-endpoints/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint; deliveries still waiting for it are cancelled' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems({ 404: 'No such endpoint at the caller’s university' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    await this.endpoints.remove(p, id);
  }

  @Post('webhook-endpoints/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A new signing secret (shown only here); the old one keeps signing beside it for the overlap',
  })
  @ApiOkResponse({ type: RotatedSecretDto })
  @ApiProblems({ 404: 'No such endpoint at the caller’s university' })
  rotate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotateSecretDto,
  ) {
    return this.endpoints.rotateSecret(p, id, dto);
  }

  @Post('webhook-endpoints/:id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Receive again after the endpoint was disabled for failing' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiProblems({ 404: 'No such endpoint at the caller’s university' })
  enable(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.endpoints.enable(p, id);
  }

  @Get('webhook-endpoints/:id/deliveries')
  @ApiOperation({ summary: 'The endpoint’s deliveries, newest first' })
  @ApiPage(WebhookDeliveryDto)
  @ApiProblems({ 404: 'No such endpoint at the caller’s university' })
  listDeliveries(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeliveriesQueryDto,
  ) {
    return this.deliveries.list(p, id, query);
  }

  @Get('webhook-deliveries/:id')
  @ApiOperation({ summary: 'One delivery with every attempt and what the receiver answered' })
  @ApiOkResponse({ type: WebhookDeliveryDetailDto })
  @ApiProblems({ 404: 'No such delivery at the caller’s university' })
  getDelivery(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.deliveries.get(p, id);
  }

  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send the event again (same webhook-id and body) with a fresh retry schedule',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'Pending again' })
  @ApiProblems({
    404: 'No such delivery at the caller’s university',
    409: 'Still pending, an attempt still under way, or the endpoint is disabled',
  })
  redeliver(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.deliveries.redeliver(p, id);
  }
}
