import { endpointUrlProblems } from './webhook-rules';

describe('webhook endpoint URLs', () => {
  it.each([
    ['https://sis.example.nl/hooks', false],
    ['http://sis.example.nl:8080/hooks?x=1', false],
  ])('accepts %s', (url, requireHttps) => {
    expect(endpointUrlProblems(url, requireHttps)).toEqual([]);
  });

  it.each([
    ['not a url', false, 'absolute URL'],
    ['ftp://sis.example.nl/x', false, 'http or https'],
    ['file:///etc/passwd', false, 'http or https'],
    ['http://sis.example.nl/hooks', true, 'https URL'],
    ['https://user:pw@sis.example.nl/hooks', false, 'user name or password'],
    ['https://sis.example.nl/hooks#x', false, 'fragment'],
  ])('refuses %s', (url, requireHttps, message) => {
    const problems = endpointUrlProblems(url, requireHttps);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('url');
    expect(problems[0].message).toContain(message);
  });
});
