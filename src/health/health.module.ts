import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { BenchController } from './bench.controller';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, BenchController],
})
export class HealthModule {}
