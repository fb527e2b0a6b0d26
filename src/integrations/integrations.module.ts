import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryDataModule } from '../directory/directory-data.module';
import { INTEGRATIONS_ENTITIES } from './integrations.entities';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/**
 * Student information system integrations: batch student imports (API side). The API only
 * stores the batch and its job; the worker does the work, so the API needs no queue of its own.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INTEGRATIONS_ENTITIES), DirectoryDataModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class IntegrationsModule {}
