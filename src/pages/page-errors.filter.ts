import {
  ProblemDetails,
  ProblemDetailsFilter,
  PROBLEM_BASE,
  RETRY_AFTER_SECONDS,
} from '@app/common';
import { ArgumentsHost, Catch, ExceptionFilter, Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { documentsConfig } from '../documents/documents.config';
import { PageRenderer } from './page-renderer';
import { PAGE_TEXTS, pageLanguage, PageLanguage } from './page-texts';
import { redactTokenPaths } from './redact-token-paths';

export interface ErrorPage {
  title: string;
  lines: string[];
}

/**
 * The page for a problem, in words a signer understands: never a stack trace, never the form.
 * The status is the API's for the same problem (404 unknown link, 410 used or expired, ...).
 */
export function errorPage(
  problem: Pick<ProblemDetails, 'status' | 'type'> & { reason?: unknown },
  lang: PageLanguage,
  context: { requestId: string; maxUploadBytes: number },
): ErrorPage {
  const e = PAGE_TEXTS[lang].errors;
  const type = problem.type.startsWith(PROBLEM_BASE)
    ? problem.type.slice(PROBLEM_BASE.length)
    : problem.type;
  switch (problem.status) {
    case 404:
      return type === 'receipt-not-valid'
        ? { title: e.receiptTitle, lines: [e.receipt] }
        : { title: e.notFoundTitle, lines: [e.notFound] };
    case 410:
      if (type === 'receipt-not-valid') return { title: e.receiptTitle, lines: [e.receipt] };
      if (problem.reason === 'used') return { title: e.usedTitle, lines: [e.used] };
      if (problem.reason === 'expired')
        return { title: e.expiredTitle, lines: [e.expired, e.askCoordinator] };
      return { title: e.closedTitle, lines: [e.closed, e.askCoordinator] };
    case 409:
      if (type === 'document-not-ready') return { title: e.notReadyTitle, lines: [e.notReady] };
      if (type === 'already-signed') return { title: e.conflictTitle, lines: [e.alreadySigned] };
      if (type === 'content-hash-mismatch') return { title: e.conflictTitle, lines: [e.changed] };
      return { title: e.conflictTitle, lines: [e.conflict] };
    case 413: {
      const mb = String(Math.floor(context.maxUploadBytes / (1024 * 1024)));
      return { title: e.tooLargeTitle, lines: [PAGE_TEXTS[lang].verify.tooLarge(mb)] };
    }
    case 429:
      return { title: e.tooManyTitle, lines: [e.tooMany] };
    case 503:
      return { title: e.unavailableTitle, lines: [e.unavailable] };
    default:
      return problem.status >= 500
        ? { title: e.failedTitle, lines: [e.failed(context.requestId)] }
        : { title: e.badRequestTitle, lines: [e.badRequest] };
  }
}

/**
 * Errors on the pages become pages (the API's problem+json filter stays for the API). The status
 * is decided exactly as the API decides it (ProblemDetailsFilter.toProblem); unexpected errors
 * are logged with the request id, and the URL with its token redacted.
 */
@Catch()
@Injectable()
export class PageErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');
  private readonly problems = new ProblemDetailsFilter();

  constructor(
    private readonly renderer: PageRenderer,
    @Inject(documentsConfig.KEY) private readonly documents: ConfigType<typeof documentsConfig>,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = this.problems.toProblem(exception, request);
    const where = `${request.method} ${redactTokenPaths(request.url)}`;
    if (problem.status === 503) {
      this.logger.warn(
        { requestId: request.id, reason: (exception as Error)?.message },
        `${where}: answered 503`,
      );
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, `Unhandled error on ${where}`);
    }
    const query = request.query as Record<string, unknown> | undefined;
    const body = request.body as Record<string, unknown> | undefined;
    const lang = pageLanguage(
      query?.lang ?? (body && typeof body === 'object' ? body.lang : undefined),
    );
    const page = errorPage(problem, lang, {
      requestId: String(request.id),
      maxUploadBytes: this.documents.verifyMaxBytes,
    });
    const onVerify = request.url.startsWith('/verify');
    const html = this.renderer.render(
      'message',
      { lang, title: page.title, switchTo: request.method === 'GET' ? request.url : undefined },
      {
        heading: page.title,
        lines: page.lines,
        backHref: onVerify ? `/verify?lang=${lang}` : undefined,
        backLabel: PAGE_TEXTS[lang].verify.again,
      },
    );
    this.renderer.send(reply, problem.status, html);
  }
}
