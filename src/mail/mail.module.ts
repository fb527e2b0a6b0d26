import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { MailOutboxModule } from './mail-outbox.module';
import { MailPreferencesController } from './mail-preferences.controller';
import { MessagesController } from './messages.controller';

/**
 * E-mail to people: the API's side (what was sent about an agreement). Messages are written
 * through MailOutboxModule in the changes' transactions and sent by the worker
 * (MailWorkerModule). Owns the messages table and people's mail preferences.
 */
@Module({
  imports: [MailOutboxModule, AgreementsModule],
  controllers: [MessagesController, MailPreferencesController],
})
export class MailModule {}
