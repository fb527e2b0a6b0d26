import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementMonitoringReads } from '../agreements/agreement-monitoring-reads';
import { AgreementsDataModule } from '../agreements/agreements-data.module';
import { DirectoryDataModule } from '../directory/directory-data.module';
import { StudentsDataModule } from '../students/students-data.module';
import { MonitoringDueService } from './monitoring-due.service';
import { MONITORING_ENTITIES } from './monitoring.entities';
import { MonitoringOverdueReads } from './monitoring-overdue-reads';

/**
 * What is overdue (MonitoringOverdueReads), without controllers or use cases: for a process
 * without the API's agreements module (the worker's weekly digest). AgreementMonitoringReads
 * needs nothing but the agreements' tables.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(MONITORING_ENTITIES),
    AgreementsDataModule,
    DirectoryDataModule,
    StudentsDataModule,
  ],
  providers: [AgreementMonitoringReads, MonitoringDueService, MonitoringOverdueReads],
  exports: [MonitoringOverdueReads],
})
export class MonitoringReadsModule {}
