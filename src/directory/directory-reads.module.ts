import { Module } from '@nestjs/common';
import { DirectoryMatchingReads } from './directory-matching-reads';

/**
 * The directory's read ports without its controllers or services: what another module's worker
 * (an application context without HTTP) imports to read reference data.
 */
@Module({
  providers: [DirectoryMatchingReads],
  exports: [DirectoryMatchingReads],
})
export class DirectoryReadsModule {}
