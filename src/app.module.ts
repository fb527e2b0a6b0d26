import { IdempotencyGuard } from '@app/common';
import { Module } from '@nestjs/common';
import { AgreementsModule } from './agreements/agreements.module';
import { APP_GUARD } from '@nestjs/core';
import { CoreModule } from './core.module';
import { DirectoryModule } from './directory/directory.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { AuthGuard } from './identity/auth.guard';
import { IdentityModule } from './identity/identity.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { JobsModule } from './jobs/jobs.module';
import { MatchingModule } from './matching/matching.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { PagesModule } from './pages/pages.module';
import { PlacementsModule } from './placements/placements.module';
import { ReportingModule } from './reporting/reporting.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { MailModule } from './mail/mail.module';
import { StudentsModule } from './students/students.module';

/** The HTTP API. */
@Module({
  imports: [
    CoreModule.forProcess('api'),
    IdentityModule,
    HealthModule,
    DirectoryModule,
    StudentsModule,
    IntegrationsModule,
    JobsModule,
    AgreementsModule,
    DocumentsModule,
    PlacementsModule,
    MatchingModule,
    MonitoringModule,
    ReportingModule,
    WebhooksModule,
    MailModule,
    PagesModule,
  ],
  // Global guards run in this order: who is calling, then whether the POST is a replay.
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: IdempotencyGuard },
  ],
})
export class AppModule {}
