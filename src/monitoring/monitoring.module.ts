import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { DirectoryModule } from '../directory/directory.module';
import { StudentsDataModule } from '../students/students-data.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringDueService } from './monitoring-due.service';
import { MONITORING_ENTITIES } from './monitoring.entities';
import { ProgressMeetingsService } from './progress-meetings.service';

/**
 * Monitoring of agreements: progress meetings, workplace visits and assessments, and what is
 * due. Agreements are read only through AgreementMonitoringReads.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(MONITORING_ENTITIES),
    AgreementsModule,
    DirectoryModule,
    StudentsDataModule,
  ],
  controllers: [MonitoringController],
  providers: [ProgressMeetingsService, MonitoringDueService],
})
export class MonitoringModule {}
