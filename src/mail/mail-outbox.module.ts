import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailOutbox } from './mail-outbox';
import { mailConfig } from './mail.config';
import { MAIL_ENTITIES } from './mail.entities';
import { SigningReminderStops } from './signing-reminder-stops';

/**
 * The port that writes messages (MailOutbox). It depends on no caller, so the modules whose
 * changes cause e-mail (agreements) import it without a cycle. With it, the reminders of a
 * signing request stop in the transaction of the signature or decline that ends them.
 */
@Module({
  imports: [TypeOrmModule.forFeature(MAIL_ENTITIES), ConfigModule.forFeature(mailConfig)],
  providers: [MailOutbox, SigningReminderStops],
  exports: [MailOutbox],
})
export class MailOutboxModule {}
