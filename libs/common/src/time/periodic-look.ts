/**
 * A worker's periodic look at work the database schedules (due reminders, a summary to rebuild):
 * the first look at start, the next one `intervalMs` after the previous finished, never two at
 * once. A failed look (PostgreSQL away or busy) is reported and the next one tries again; the
 * schedule itself lives in the database, so a missed look only delays. The timer does not keep
 * the process alive; `stop` waits for a look in progress.
 */
export class PeriodicLook {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly look: () => Promise<unknown>,
    private readonly intervalMs: () => number,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.look()
        .catch((error: unknown) => this.onError(error as Error))
        .finally(() => {
          this.running = null;
          this.schedule(this.intervalMs());
        });
    }, delayMs);
    this.timer.unref();
  }
}
