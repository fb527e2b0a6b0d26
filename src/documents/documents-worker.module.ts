import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { AgreementDocumentBuilder } from './agreement-document.builder';
import { DocumentJobRunner } from './document-job.runner';
import { documentsConfig } from './documents.config';
import { documentStorageProvider } from './documents.module';
import { DocumentJobHandler } from './document-job.handler';
import { loadSealer, SEALER } from './seal-certificate';

/** The worker side: renders previews and seals signed PDFs (document jobs). */
@Module({
  imports: [ConfigModule.forFeature(documentsConfig)],
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
