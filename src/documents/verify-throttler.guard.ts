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
import { documentsConfig } from './documents.config';

/** VERIFY_RATE_LIMIT_PER_MINUTE verifications per client IP: the endpoint is public and CPU-bound. */
@Injectable()
export class VerifyThrottlerGuard extends PerMinuteThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(documentsConfig.KEY) private readonly config: ConfigType<typeof documentsConfig>,
  ) {
    super(options, storage, reflector);
  }

  protected limitPerMinute(): number {
    return this.config.verifyRateLimitPerMinute;
  }
}
