import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsDataModule } from '../agreements/agreements-data.module';
import { AgreementDocumentBuilder } from './agreement-document.builder';
import { DocumentJobRunner } from './document-job.runner';
import { documentsConfig } from './documents.config';
import { DOCUMENTS_ENTITIES } from './documents.entities';
import { documentStorageProvider } from './documents.module';
import { DocumentJobHandler } from './document-job.handler';
import { loadSealer, SEALER } from './seal-certificate';

/**
 * The worker side: renders previews and seals signed PDFs (document jobs). It reads agreements
 * through their controller-free data module; it never moves an agreement, so it publishes no
 * agreement event and needs no DocumentRequests subscriber.
 */
@Module({
  imports: [
    ConfigModule.forFeature(documentsConfig),
    TypeOrmModule.forFeature(DOCUMENTS_ENTITIES),
    AgreementsDataModule,
  ],
  providers: [
    documentStorageProvider,
    {
      provide: SEALER,
      inject: [documentsConfig.KEY],
      useFactory: (config: ConfigType<typeof documentsConfig>) => loadSealer(config),
    },
    AgreementDocumentBuilder,
    DocumentJobRunner,
    DocumentJobHandler,
  ],
})
export class DocumentsWorkerModule {}
