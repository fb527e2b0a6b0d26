import { Clock, Public, WithoutIdempotency } from '@app/common';
import type {} from '@fastify/multipart';
import {
  Controller,
  Get,
  Inject,
  Injectable,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EntityManager } from 'typeorm';
import { AgreementDocumentsSource } from '../agreements/agreement-documents.source';
import { documentsConfig } from '../documents/documents.config';
import { DocumentsService } from '../documents/documents.service';
import { VerifyThrottlerGuard } from '../documents/verify-throttler.guard';
import { FormTokens } from './form-tokens';
import { PageErrorsFilter } from './page-errors.filter';
import { PageRenderer } from './page-renderer';
import { PAGE_TEXTS, pageLanguage, PageLanguage } from './page-texts';
import { FORM_TTL_MS } from './sign-pages.service';
import { VerdictModel, verdictModel } from './verify-page.view';

const VERIFY_SCOPE = 'verify';

/** An upload as the verify form sends it: its fields and the one PDF (null when none was chosen). */
export interface VerifyUpload {
  fields: Record<string, string>;
  file: Buffer | null;
}

/** The verify page's work: the API's verification (DocumentsService.verify), then the parties. */
@Injectable()
export class VerifyPagesService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly agreements: AgreementDocumentsSource,
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly tokens: FormTokens,
    private readonly clock: Clock,
  ) {}

  formToken(): string {
    return this.tokens.formToken(VERIFY_SCOPE, this.clock.now(), FORM_TTL_MS);
  }

  formTokenValid(value: string | undefined): boolean {
    return this.tokens.checkFormToken(VERIFY_SCOPE, value, this.clock.now()) === 'ok';
  }

  async verdict(pdf: Buffer, lang: PageLanguage): Promise<VerdictModel> {
    const verification = await this.documents.verify(pdf);
    const version =
      verification.valid && verification.agreementId && verification.version !== null
        ? await this.agreements.version(
            this.manager,
            verification.agreementId,
            verification.version,
          )
        : null;
    return verdictModel(verification, version?.parties ?? null, lang);
  }
}

/**
 * The verify page: GET /verify shows the form; the form posts the PDF (multipart, no JavaScript)
 * to /verify/upload, which answers with the verdict in words. POST /api/v1/verify stays the API.
 */
@ApiExcludeController()
@Public()
@WithoutIdempotency()
@UseFilters(PageErrorsFilter)
@Controller('verify')
export class VerifyPageController {
  constructor(
    private readonly pages: VerifyPagesService,
    private readonly renderer: PageRenderer,
    @Inject(documentsConfig.KEY) private readonly config: ConfigType<typeof documentsConfig>,
  ) {}

  @Get()
  form(@Query('lang') asked: unknown, @Res() reply: FastifyReply): void {
    this.render(reply, 200, pageLanguage(asked), {});
  }

  @Post('upload')
  @UseGuards(VerifyThrottlerGuard)
  async upload(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const upload = await readUpload(req, this.config.verifyMaxBytes);
    const lang = pageLanguage(upload.fields.lang);
    const t = PAGE_TEXTS[lang];
    if (!this.pages.formTokenValid(upload.fields.csrf)) {
      return this.render(reply, 403, lang, {
        errors: [{ field: 'file', message: t.errors.forbidden }],
      });
    }
    if (!upload.file?.length) {
      return this.render(reply, 422, lang, {
        errors: [{ field: 'file', message: t.verify.fileMissing }],
      });
    }
    this.render(reply, 200, lang, { verdict: await this.pages.verdict(upload.file, lang) });
  }

  private render(
    reply: FastifyReply,
    status: number,
    lang: PageLanguage,
    fields: { verdict?: VerdictModel; errors?: { field: string; message: string }[] },
  ): void {
    const errors = fields.errors ?? [];
    const html = this.renderer.render(
      'verify',
      { lang, title: PAGE_TEXTS[lang].verify.title, switchTo: '/verify' },
      {
        verdict: fields.verdict,
        errors,
        fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
        csrf: this.pages.formToken(),
      },
    );
    this.renderer.send(reply, status, html);
  }
}

/**
 * Reads the multipart form: its text fields and the first file part named `file`, at most
 * `maxBytes` (more is a 413 from @fastify/multipart). Anything but multipart reads as no file.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<VerifyUpload> {
  const upload: VerifyUpload = { fields: {}, file: null };
  if (!req.isMultipart()) return upload;
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
    if (part.type === 'field') {
      if (typeof part.value === 'string') upload.fields[part.fieldname] = part.value;
    } else if (part.fieldname === 'file' && upload.file === null) {
      upload.file = await part.toBuffer();
    } else {
      part.file.resume();
    }
  }
  return upload;
}
