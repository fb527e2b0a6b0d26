import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookAttemptHandler } from './webhook-attempt.handler';
import { WebhookEventSources } from './webhook-event-sources';
import { WebhookOutbox } from './webhook-outbox';
import { webhooksConfig } from './webhooks.config';
import { WEBHOOKS_ENTITIES } from './webhooks.entities';

/**
 * The worker's side: it sends the attempts, and writes the events the worker's own changes
 * cause (a document ready, an import completed) to the outbox.
 */
@Module({
  imports: [TypeOrmModule.forFeature(WEBHOOKS_ENTITIES), ConfigModule.forFeature(webhooksConfig)],
  providers: [WebhookAttemptHandler, WebhookOutbox, WebhookEventSources],
})
export class WebhooksWorkerModule {}
