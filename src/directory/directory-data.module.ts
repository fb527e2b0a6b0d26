import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryReads } from './directory-reads';
import { DIRECTORY_ENTITIES } from './directory.entities';

/**
 * The directory's tables and the reads other modules make of them, without controllers, so the
 * worker can import it without serving the directory's routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: [DirectoryReads],
  exports: [TypeOrmModule, DirectoryReads],
})
export class DirectoryDataModule {}
