import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsDataModule } from '../agreements/agreements-data.module';
import { documentsConfig } from '../documents/documents.config';
import { IdentityDataModule } from '../identity/identity-data.module';
import { MonitoringReadsModule } from '../monitoring/monitoring-reads.module';
import { PageLinksModule } from '../pages/page-links.module';
import { MailEventSources } from './mail-event-sources';
import { MailOutbox } from './mail-outbox';
import { mailConfig } from './mail.config';
import { MAIL_ENTITIES } from './mail.entities';
import { SendMessageHandler } from './send-message.handler';
import { OverdueDigestScheduler } from './overdue-digests';
import { SigningReminderScheduler } from './signing-reminders';

/**
 * The worker's side: it sends the messages (SMTP_URL, or .eml files in MAIL_DIR), and writes
 * the ones the worker's own changes cause (a sealed PDF ready: `agreement.sealed`) or its clock
 * does (`signing.reminder`, SigningReminderScheduler; `monitoring.overdue`, OverdueDigestScheduler).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(MAIL_ENTITIES),
    ConfigModule.forFeature(mailConfig),
    // PUBLIC_BASE_URL: the sign page a signing request links to.
    ConfigModule.forFeature(documentsConfig),
    // A sealed PDF's signatories, read through the agreements module's read port.
    AgreementsDataModule,
    // The weekly overdue digest: its recipients and what is overdue, through their read ports.
    IdentityDataModule,
    MonitoringReadsModule,
    // A sealed agreement's message to an account-less signer links to their receipt page.
    PageLinksModule,
  ],
  providers: [
    SendMessageHandler,
    MailOutbox,
    MailEventSources,
    SigningReminderScheduler,
    OverdueDigestScheduler,
  ],
})
export class MailWorkerModule {}
