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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly summary: OutcomeSummaryService,
    @Inject(reportingConfig.KEY) private readonly config: ConfigType<typeof reportingConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.summary
        .refresh()
        .catch((error: unknown) =>
          // PostgreSQL away or busy: the summary stays as it was and the next look tries again.
          this.logger.warn(`outcome summary not rebuilt: ${(error as Error).message}`),
        )
        .finally(() => {
          this.running = null;
          this.schedule(Math.max(100, this.config.outcomeSummaryRefreshMs / 4));
        });
    }, delayMs);
    this.timer.unref();
  }
}
