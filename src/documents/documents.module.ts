import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsDataModule } from '../agreements/agreements-data.module';
import { DocumentRequests } from './document-requests';
import { DOCUMENT_STORAGE, LocalDocumentStorage } from './document-storage';
import { documentsConfig } from './documents.config';
import { DOCUMENTS_ENTITIES } from './documents.entities';
import { DocumentsController, VerifyController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { VerifyThrottlerGuard } from './verify-throttler.guard';

export const documentStorageProvider = {
  provide: DOCUMENT_STORAGE,
  inject: [documentsConfig.KEY],
  useFactory: (config: ConfigType<typeof documentsConfig>) =>
    new LocalDocumentStorage(config.documentsDir),
};

/**
 * Agreement PDFs (API side): asking for them when an agreement version is submitted or comes into
 * force (DocumentRequests subscribes to the agreement's domain events), reading them in scope,
 * verifying a PDF. Depends on agreements (its data port), never the reverse.
 */
@Module({
  imports: [
    ConfigModule.forFeature(documentsConfig),
    TypeOrmModule.forFeature(DOCUMENTS_ENTITIES),
    AgreementsDataModule,
  ],
  controllers: [DocumentsController, VerifyController],
  providers: [DocumentRequests, DocumentsService, VerifyThrottlerGuard, documentStorageProvider],
  // The people's pages (src/pages) verify and serve PDFs through a signing link or receipt.
  exports: [DocumentsService],
})
export class DocumentsModule {}
