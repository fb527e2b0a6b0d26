import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { JobsAdminController } from './jobs-admin.controller';
import { JobsAdminService } from './jobs-admin.service';
import { jobsConfig } from './jobs.config';
import { QueueMonitorService } from './queue-monitor.service';

/** API side of the job path: what admins see of it and how they retry work. */
@Module({
  imports: [ConfigModule.forFeature(jobsConfig)],
  controllers: [JobsAdminController],
  providers: [QueueMonitorService, JobsAdminService],
})
export class JobsModule {}
