import { Module } from '@nestjs/common';
import { BenchController } from './bench.controller';
import { DependencyHealth } from './dependency-health';
import { HealthController } from './health.controller';

@Module({
  controllers: [HealthController],
  providers: [DependencyHealth],
})
export class HealthModule {}

/**
 * GET /health/bare for `npm run bench:api`: registered by the API bootstrap outside production
 * only, so a production instance serves no endpoint that exists for measurements.
 */
@Module({ controllers: [BenchController] })
export class BenchModule {}
