import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';

/**
 * The pages for people live at the root, not under the API's /api/v1 prefix: a signing link's
 * url is PUBLIC_BASE_URL/sign/<token>, and /verify is what a sealed PDF's reader types. The API's
 * POST /api/v1/verify keeps its path (only GET /verify and the form's own POST are excluded).
 */
export const PAGE_ROUTES_WITHOUT_PREFIX: RouteInfo[] = [
  { path: 'sign/{*rest}', method: RequestMethod.ALL },
  { path: 'verify', method: RequestMethod.GET },
  { path: 'verify/upload', method: RequestMethod.POST },
];

/** Whether a route pattern (Fastify's routeOptions.url) is one of the pages. */
export function isPageRoute(pattern: string | undefined): boolean {
  return !!pattern && (pattern.startsWith('/sign/') || /^\/verify(\/upload)?$/.test(pattern));
}
