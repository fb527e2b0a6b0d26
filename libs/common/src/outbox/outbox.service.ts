import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../database/base.entity';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxJob {
  queue: string;
  name: string;
  jobId: string;
  data: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  /** Call inside the transaction that makes the change the job follows. */
  async enqueue(manager: EntityManager, job: OutboxJob): Promise<void> {
    await manager.insert(OutboxMessage, {
      id: newId(),
      queue: job.queue,
      jobName: job.name,
      jobId: job.jobId,
      payload: job.data as object,
    });
  }
}
