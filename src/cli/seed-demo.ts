import type { AppConfig } from '../config/app-config';

/** Loads the demo data set when the database holds no universities yet. */
export async function seedDemoIfEmpty(_config: AppConfig): Promise<void> {
  // Demo data set lands with the seed work of issue 2.
}
