import { createHash } from 'node:crypto';
import { contentSecurityPolicy, PageRenderer, withLang } from './page-renderer';

describe('PageRenderer', () => {
  const renderer = new PageRenderer();

  it('allows the inline stylesheet by its hash, and nothing else', () => {
    const html = renderer.render(
      'message',
      { lang: 'en', title: 'T' },
      { heading: 'H', lines: ['x'] },
    );
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = `sha256-${createHash('sha256').update(style).digest('base64')}`;
    expect(renderer.headers['content-security-policy']).toBe(contentSecurityPolicy(hash));
    expect(renderer.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|style="/);
  });

  it('escapes what it is given and states the language', () => {
    const html = renderer.render(
      'message',
      { lang: 'nl', title: '<t>', switchTo: '/sign/abc?lang=nl' },
      { heading: '<img src=x onerror=alert(1)>', lines: ['"quoted" & <b>bold</b>'] },
    );
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="/sign/abc?lang&#x3D;en" hreflang="en" lang="en">English</a>');
  });

  it('switches language on a path', () => {
    expect(withLang('/verify', 'en')).toBe('/verify?lang=en');
    expect(withLang('/sign/t?lang=nl', 'en')).toBe('/sign/t?lang=en');
  });
});
