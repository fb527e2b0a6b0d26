import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { agreementsConfig } from './agreements.config';

/**
 * The login throttler (Redis-backed, per client IP; src/identity) with the signing endpoints' own
 * limit: SIGNING_RATE_LIMIT_PER_MINUTE per endpoint per minute. 429 problem+json with Retry-After.
 */
@Injectable()
export class SigningThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(agreementsConfig.KEY) private readonly config: ConfigType<typeof agreementsConfig>,
  ) {
    super(options, storage, reflector);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({
      ...request,
      limit: this.config.signingRateLimitPerMinute,
      ttl: 60_000,
    });
  }
}
