import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { MailOutboxModule } from './mail-outbox.module';
import { MessagesController } from './messages.controller';

/**
 * E-mail to people: the API's side (what was sent about an agreement). Messages are written
 * through MailOutboxModule in the changes' transactions and sent by the worker
 * (MailWorkerModule). Owns the messages table.
 */
@Module({
  imports: [MailOutboxModule, AgreementsModule],
  controllers: [MessagesController],
})
export class MailModule {}
