import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookEventSources } from './webhook-event-sources';
import { WebhookOutbox } from './webhook-outbox';
import { webhooksConfig } from './webhooks.config';
import { WebhooksController } from './webhooks.controller';
import { WEBHOOKS_ENTITIES } from './webhooks.entities';

/**
 * Webhooks for student information systems: endpoints, the outbox the owning modules' domain
 * events write to (in their transactions), the delivery log and redelivery. The worker sends
 * (WebhooksWorkerModule). Owns webhook_endpoints, webhook_events, webhook_deliveries and
 * webhook_attempts.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOKS_ENTITIES), ConfigModule.forFeature(webhooksConfig)],
  controllers: [WebhooksController],
  providers: [
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookOutbox,
    WebhookEventSources,
  ],
})
export class WebhooksModule {}
