import {
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { Reflector } from '@nestjs/core';

/**
 * The login throttler (per client IP, counted in Redis and in the process while Redis is
 * unreachable: FailoverThrottlerStorage, see IdentityModule) with an endpoint's own limit per
 * minute. 429 problem+json with Retry-After.
 */
export abstract class PerMinuteThrottlerGuard extends ThrottlerGuard {
  constructor(options: ThrottlerModuleOptions, storage: ThrottlerStorage, reflector: Reflector) {
    super(options, storage, reflector);
  }

  protected abstract limitPerMinute(): number;

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({ ...request, limit: this.limitPerMinute(), ttl: 60_000 });
  }
}
