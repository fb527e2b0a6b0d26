import { Module } from '@nestjs/common';
import { JobsAdminController } from './jobs-admin.controller';
import { QueueMonitorService } from './queue-monitor.service';

/** API side of the job queues: what admins may see of them. */
@Module({
  controllers: [JobsAdminController],
  providers: [QueueMonitorService],
})
export class JobsModule {}
