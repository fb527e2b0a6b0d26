import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryReads } from './directory-reads';
import { DIRECTORY_ENTITIES } from './directory.entities';

/**
 * The directory's tables and its read port (DirectoryReads), without controllers: what another
 * module imports to read the directory, the worker included, without serving the directory's
 * routes. DirectoryModule re-exports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: [DirectoryReads],
  exports: [TypeOrmModule, DirectoryReads],
})
export class DirectoryDataModule {}
