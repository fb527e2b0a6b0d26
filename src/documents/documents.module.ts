import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { DocumentRequests } from './document-requests';
import { DOCUMENT_STORAGE, LocalDocumentStorage } from './document-storage';
import { documentsConfig } from './documents.config';
import { DocumentsController, VerifyController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { VerifyThrottlerGuard } from './verify-throttler.guard';

export const documentStorageProvider = {
  provide: DOCUMENT_STORAGE,
  inject: [documentsConfig.KEY],
  useFactory: (config: ConfigType<typeof documentsConfig>) =>
    new LocalDocumentStorage(config.documentsDir),
};

/** Agreement PDFs (API side): asking for them, reading them in scope, verifying a PDF. */
@Module({
  imports: [ConfigModule.forFeature(documentsConfig)],
  controllers: [DocumentsController, VerifyController],
  providers: [DocumentRequests, DocumentsService, VerifyThrottlerGuard, documentStorageProvider],
  exports: [DocumentRequests],
})
export class DocumentsModule {}
