import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { IdentityDataModule } from '../identity/identity-data.module';
import { DirectoryModule } from '../directory/directory.module';
import { documentsConfig } from '../documents/documents.config';
import { StudentsModule } from '../students/students.module';
import { MailOutboxModule } from '../mail/mail-outbox.module';
import { AgreementEventsService } from './agreement-events.service';
import { AgreementMonitoringReads } from './agreement-monitoring-reads';
import { AgreementPlacementReads } from './agreement-placement-reads';
import { AgreementStudentVisibility } from './agreement-student-visibility';
import { AgreementSubsidyReads } from './agreement-subsidy-reads';
import { AgreementWorkingRelations } from './agreement-working-relations';
import { AgreementSigningService } from './agreement-signing.service';
import { AgreementStore } from './agreement-store';
import { AgreementTransitionsService } from './agreement-transitions.service';
import { AgreementViews } from './agreement-view';
import { agreementsConfig } from './agreements.config';
import { AgreementsController } from './agreements.controller';
import { AgreementsDataModule } from './agreements-data.module';
import { AgreementsService } from './agreements.service';
import { SigningController } from './signing.controller';
import { SigningLinksService } from './signing-links.service';
import { SigningThrottlerGuard } from './signing-throttler.guard';

/**
 * Tripartite agreements: versions, lifecycle, signatures, signing links, hash-chained events.
 * What follows from a transition elsewhere (a document to make) subscribes to its domain events
 * (agreement-domain-events.ts); this module imports none of its subscribers.
 */
@Module({
  imports: [
    ConfigModule.forFeature(agreementsConfig),
    // PUBLIC_BASE_URL: a signing link's url is the sign page's address.
    ConfigModule.forFeature(documentsConfig),
    AgreementsDataModule,
    DirectoryModule,
    StudentsModule,
    IdentityDataModule,
    // Signing links are e-mailed through the mail module's outbox, in the link's transaction.
    MailOutboxModule,
  ],
  controllers: [AgreementsController, SigningController],
  providers: [
    AgreementStore,
    AgreementViews,
    AgreementEventsService,
    AgreementsService,
    AgreementTransitionsService,
    AgreementSigningService,
    SigningLinksService,
    SigningThrottlerGuard,
    AgreementWorkingRelations,
    AgreementStudentVisibility,
    AgreementPlacementReads,
    AgreementMonitoringReads,
    AgreementSubsidyReads,
  ],
  exports: [
    AgreementsDataModule,
    AgreementsService,
    AgreementTransitionsService,
    AgreementPlacementReads,
    AgreementMonitoringReads,
    AgreementSubsidyReads,
    // The sign page (src/pages) signs and declines through the very use cases of the JSON API.
    SigningLinksService,
  ],
})
export class AgreementsModule {}
