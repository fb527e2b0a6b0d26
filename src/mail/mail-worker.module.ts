import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { documentsConfig } from '../documents/documents.config';
import { mailConfig } from './mail.config';
import { MAIL_ENTITIES } from './mail.entities';
import { SendMessageHandler } from './send-message.handler';

/** The worker's side: it sends the messages (SMTP_URL, or .eml files in MAIL_DIR). */
@Module({
  imports: [
    TypeOrmModule.forFeature(MAIL_ENTITIES),
    ConfigModule.forFeature(mailConfig),
    // PUBLIC_BASE_URL: the sign page a signing request links to.
    ConfigModule.forFeature(documentsConfig),
  ],
  providers: [SendMessageHandler],
})
export class MailWorkerModule {}
