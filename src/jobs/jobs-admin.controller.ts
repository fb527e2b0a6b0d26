import { Roles } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueueMonitorService, QueueView } from './queue-monitor.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class JobsAdminController {
  constructor(private readonly monitor: QueueMonitorService) {}

  @Get()
  @ApiOperation({
    summary:
      'Job counts per queue and the last 20 failed jobs of each (admins only); 503 while Redis is away',
  })
  async list(): Promise<{ queues: QueueView[] }> {
    return { queues: await this.monitor.snapshot() };
  }
}
