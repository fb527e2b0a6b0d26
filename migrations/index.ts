import type { MigrationInterface } from 'typeorm';
import { Platform1795434757362 } from './1795434757362-Platform';

/** Every migration in order; listed explicitly so ts-jest, ts-node and dist load the same set. */

export const MIGRATIONS: (new () => MigrationInterface)[] = [Platform1795434757362];
