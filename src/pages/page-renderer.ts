import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { PAGE_TEXTS, PageLanguage } from './page-texts';
import { PARTIALS, STYLESHEET, TemplateName, TEMPLATES } from './templates';

/** What every page gets besides its own fields. */
export interface PageFrame {
  lang: PageLanguage;
  title: string;
  /** The same page in the other language (a GET address), when there is one. */
  switchTo?: string;
}

/**
 * Nothing but the inline stylesheet (by its hash) is allowed: no script, image, font, frame or
 * connection, forms post only to us, and no other site may frame the page.
 */
export function contentSecurityPolicy(styleHash: string): string {
  return [
    "default-src 'none'",
    `style-src '${styleHash}'`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * Headers of every page response, set explicitly (helmet runs API-wide with its CSP off): pages
 * carry a signing token in their address and personal data in their body, so they are never
 * cached, never leak their address as a referrer, and never render inside another site.
 */
export function pageHeaders(styleHash: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(styleHash),
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/** Headers of a PDF served through a page (no CSP: the browser's PDF viewer is not our HTML). */
export function pdfHeaders(filename: string, disposition: 'inline' | 'attachment') {
  return {
    'content-type': 'application/pdf',
    'content-disposition': `${disposition}; filename="${filename}"`,
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

/** Compiles the templates once; renders a page and sends it with the page headers. */
@Injectable()
export class PageRenderer {
  private readonly templates: Record<TemplateName, Handlebars.TemplateDelegate>;
  readonly headers: Record<string, string>;

  constructor() {
    const hbs = Handlebars.create();
    for (const [name, source] of Object.entries(PARTIALS)) {
      hbs.registerPartial(name, hbs.compile(source, { strict: false }));
    }
    this.templates = Object.fromEntries(
      Object.entries(TEMPLATES).map(([name, source]) => [name, hbs.compile(source)]),
    ) as Record<TemplateName, Handlebars.TemplateDelegate>;
    const styleHash = `sha256-${createHash('sha256').update(STYLESHEET).digest('base64')}`;
    this.headers = pageHeaders(styleHash);
  }

  render(name: TemplateName, frame: PageFrame, fields: object): string {
    const t = PAGE_TEXTS[frame.lang];
    const other: PageLanguage = frame.lang === 'nl' ? 'en' : 'nl';
    return this.templates[name]({
      ...fields,
      lang: frame.lang,
      t,
      title: frame.title,
      switchHref: frame.switchTo ? withLang(frame.switchTo, other) : undefined,
      switchLang: other,
      switchLabel: PAGE_TEXTS[other].languageName,
    });
  }

  send(reply: FastifyReply, status: number, html: string): void {
    void reply.status(status).headers(this.headers).send(html);
  }
}

/** `path` with `lang=<lang>` as its query (pages take no other query). */
export function withLang(path: string, lang: PageLanguage): string {
  return `${path.split('?')[0]}?lang=${lang}`;
}
