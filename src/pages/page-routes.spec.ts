import { isPageRoute } from './page-routes';

describe('isPageRoute', () => {
  it.each([
    '/sign/:token',
    '/sign/:token/sign',
    '/sign/receipt/:receipt',
    '/verify',
    '/verify/upload',
  ])('%s is a page', (pattern) => expect(isPageRoute(pattern)).toBe(true));

  it.each([
    '/api/v1/verify',
    '/api/v1/signing/:token/sign',
    '/verifyx',
    '/api/v1/agreements',
    undefined,
  ])('%s is not', (pattern) => expect(isPageRoute(pattern)).toBe(false));
});
