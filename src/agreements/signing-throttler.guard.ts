import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { PerMinuteThrottlerGuard } from '../identity/per-minute-throttler.guard';
import { agreementsConfig } from './agreements.config';

/** SIGNING_RATE_LIMIT_PER_MINUTE requests per client IP to each public signing endpoint. */
@Injectable()
export class SigningThrottlerGuard extends PerMinuteThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(agreementsConfig.KEY) private readonly config: ConfigType<typeof agreementsConfig>,
  ) {
    super(options, storage, reflector);
  }

  protected limitPerMinute(): number {
    return this.config.signingRateLimitPerMinute;
  }
}
