import { PeriodicLook } from '@app/common';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { reportingConfig } from '../reporting.config';
import { OutcomeSummaryService } from './outcome-summary.service';

/**
 * The worker's clock for the country's outcome summary: it asks every quarter of the refresh
 * interval whether a rebuild is due; the database decides (OutcomeSummaryService.refresh), so
 * several workers rebuild once between them. The first look is at start-up, so a fresh
 * `npm start` has national figures as soon as the demo data is in.
 */
@Injectable()
export class OutcomeSummaryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutcomeSummaryScheduler.name);
  private readonly looks = new PeriodicLook(
    () => this.summary.refresh(),
    () => Math.max(100, this.config.outcomeSummaryRefreshMs / 4),
    (error: Error) => this.logger.warn(`outcome summary not rebuilt: ${error.message}`),
  );

  constructor(
    private readonly summary: OutcomeSummaryService,
    @Inject(reportingConfig.KEY) private readonly config: ConfigType<typeof reportingConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.looks.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.looks.stop();
  }
}
