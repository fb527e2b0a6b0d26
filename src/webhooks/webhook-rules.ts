import type { FieldError } from '@app/common';

/**
 * What an endpoint URL must be before anything is resolved: an absolute http(s) URL (https in
 * production), without credentials (they would sit in logs and in the endpoint list) or a
 * fragment. Whether its host resolves to a public address is checked after this, and again
 * before every attempt (target-guard.ts).
 */
export function endpointUrlProblems(raw: string, requireHttps: boolean): FieldError[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [
      { field: 'url', message: 'must be an absolute URL such as https://sis.example.nl/hooks' },
    ];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return [{ field: 'url', message: 'must be an http or https URL' }];
  if (requireHttps && url.protocol !== 'https:')
    return [{ field: 'url', message: 'must be an https URL' }];
  if (url.username || url.password)
    return [{ field: 'url', message: 'must not carry a user name or password' }];
  if (url.hash) return [{ field: 'url', message: 'must not carry a #fragment' }];
  return [];
}

/** What a disabled endpoint says about why: since when it failed, and the last error. */
export function disabledReason(failingSince: Date, lastError: string): string {
  return `Failing since ${failingSince.toISOString()}; last error: ${lastError}`;
}
