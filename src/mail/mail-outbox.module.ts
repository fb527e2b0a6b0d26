import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailOutbox } from './mail-outbox';
import { mailConfig } from './mail.config';
import { MAIL_ENTITIES } from './mail.entities';

/**
 * The port that writes messages (MailOutbox). It depends on no caller, so the modules whose
 * changes cause e-mail (agreements) import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature(MAIL_ENTITIES), ConfigModule.forFeature(mailConfig)],
  providers: [MailOutbox],
  exports: [MailOutbox],
})
export class MailOutboxModule {}
