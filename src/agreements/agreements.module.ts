import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DirectoryModule } from '../directory/directory.module';
import { AgreementEventsService } from './agreement-events.service';
import { AgreementPlacementReads } from './agreement-placement-reads';
import { AgreementWorkingRelations } from './agreement-working-relations';
import { AgreementSigningService } from './agreement-signing.service';
import { AgreementStore } from './agreement-store';
import { AgreementTransitionsService } from './agreement-transitions.service';
import { AgreementViews } from './agreement-view';
import { DocumentsModule } from '../documents/documents.module';
import { agreementsConfig } from './agreements.config';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { SigningController } from './signing.controller';
import { SigningLinksService } from './signing-links.service';
import { SigningThrottlerGuard } from './signing-throttler.guard';

/** Tripartite agreements: versions, lifecycle, signatures, signing links, hash-chained events. */
@Module({
  imports: [ConfigModule.forFeature(agreementsConfig), DocumentsModule, DirectoryModule],
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
    AgreementPlacementReads,
  ],
  exports: [AgreementsService, AgreementTransitionsService, AgreementPlacementReads],
})
export class AgreementsModule {}
