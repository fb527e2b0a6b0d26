import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementDocumentsSource } from './agreement-documents.source';
import { AGREEMENTS_ENTITIES } from './agreements.entities';

/**
 * The agreements module's tables and its read port for documents, without controllers or use
 * cases: what the worker's document jobs need, and what the API's agreements module builds on.
 */
@Module({
  imports: [TypeOrmModule.forFeature(AGREEMENTS_ENTITIES)],
  providers: [AgreementDocumentsSource],
  exports: [TypeOrmModule, AgreementDocumentsSource],
})
export class AgreementsDataModule {}
