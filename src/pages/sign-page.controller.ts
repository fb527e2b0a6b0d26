import { formatInstant, joinList } from '@app/agreement-pdf/format';
import { Public, WithoutIdempotency } from '@app/common';
import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { requestInfo } from '../agreements/agreements.controller';
import { SigningThrottlerGuard } from '../agreements/signing-throttler.guard';
import { StoredDocument } from '../documents/entities/document.entity';
import { PageErrorsFilter } from './page-errors.filter';
import { PageRenderer, pdfHeaders } from './page-renderer';
import { PAGE_TEXTS, pageLanguage, PageLanguage, PageTexts } from './page-texts';
import { FormBody, formField, SignPagesService } from './sign-pages.service';
import { agreementName, signPageModel } from './sign-page.view';
import type { PartyStanding } from '../agreements/signing-links.service';
import type { Receipt } from './form-tokens';

interface FieldError {
  field: string;
  message: string;
}

interface FormState {
  /** In the page's language, which is known once the link is read. */
  errors?: (t: PageTexts) => FieldError[];
  values?: Record<string, unknown>;
}

/**
 * The sign page: GET /sign/:token (read, then sign or decline), its two form posts, the preview
 * PDF through the token, and the signer's confirmation (a receipt) with the sealed PDF once
 * there. Public, token-scoped and rate-limited like the JSON signing endpoints it reuses.
 */
@ApiExcludeController()
@Public()
@WithoutIdempotency()
@UseGuards(SigningThrottlerGuard)
@UseFilters(PageErrorsFilter)
@Controller('sign')
export class SignPageController {
  constructor(
    private readonly pages: SignPagesService,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('receipt/:receipt')
  async confirmation(
    @Param('receipt') receipt: string,
    @Query('lang') asked: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { receipt: r, standing, sealed } = await this.pages.standing(receipt);
    const lang = pageLanguage(asked, standing.language);
    const path = `/sign/receipt/${receipt}`;
    const fields = confirmationFields(r, standing, sealed, lang, path);
    const title =
      r.outcome === 'signed'
        ? PAGE_TEXTS[lang].done.signedTitle
        : PAGE_TEXTS[lang].done.declinedTitle;
    this.renderer.send(
      reply,
      200,
      this.renderer.render('done', { lang, title, switchTo: path }, fields),
    );
  }

  @Get('receipt/:receipt/agreement.pdf')
  async sealed(@Param('receipt') receipt: string, @Res() reply: FastifyReply): Promise<void> {
    sendPdf(reply, await this.pages.sealed(receipt), 'attachment');
  }

  @Get(':token')
  async page(
    @Param('token') token: string,
    @Query('lang') asked: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.renderForm(reply, token, asked, 200, {});
  }

  @Get(':token/preview.pdf')
  async preview(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    sendPdf(reply, await this.pages.preview(token), 'inline');
  }

  @Post(':token/sign')
  async sign(
    @Param('token') token: string,
    @Body() body: FormBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.pages.sign(token, body, requestInfo(req));
    const asked = formField(body, 'lang');
    if (outcome.kind === 'done') return redirect(reply, `/sign/receipt/${outcome.receipt}`, asked);
    const fields = outcome.status === 403 ? ['form'] : outcome.fields;
    const errors = (t: PageTexts) => fields.map((field) => signFieldError(field, t));
    const values = { name: formField(body, 'name'), consent: formField(body, 'consent') === 'yes' };
    await this.renderForm(reply, token, asked, outcome.status, { errors, values });
  }

  @Post(':token/decline')
  async decline(
    @Param('token') token: string,
    @Body() body: FormBody,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const outcome = await this.pages.decline(token, body);
    const asked = formField(body, 'lang');
    if (outcome.kind === 'done') return redirect(reply, `/sign/receipt/${outcome.receipt}`, asked);
    const status = outcome.status;
    await this.renderForm(reply, token, asked, status, {
      errors: (t) => [
        { field: 'reason', message: status === 403 ? t.sign.errors.form : t.sign.errors.reason },
      ],
      values: { reason: formField(body, 'reason') },
    });
  }

  /** The sign form, for a token still usable (else the filter's 404/410 page, never the form). */
  private async renderForm(
    reply: FastifyReply,
    token: string,
    asked: unknown,
    status: number,
    state: FormState,
  ): Promise<void> {
    const { view, previewReady } = await this.pages.signable(token);
    const lang = pageLanguage(asked, view.language);
    const base = `/sign/${token}`;
    const errors = state.errors?.(PAGE_TEXTS[lang]) ?? [];
    const html = this.renderer.render(
      'sign',
      { lang, title: PAGE_TEXTS[lang].sign.title, switchTo: base },
      {
        page: signPageModel(view, lang),
        csrf: this.pages.formToken(token),
        signAction: `${base}/sign`,
        declineAction: `${base}/decline`,
        previewHref: previewReady ? `${base}/preview.pdf` : undefined,
        errors,
        fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
        values: state.values ?? {},
      },
    );
    this.renderer.send(reply, status, html);
  }
}

/** A refused sign form's message; a broken hidden field (form token, hash) is the form's. */
function signFieldError(field: string, t: PageTexts): FieldError {
  if (field === 'consent') return { field, message: t.sign.errors.consent };
  if (field === 'name') return { field, message: t.sign.errors.name };
  return { field: 'name', message: t.sign.errors.form };
}

/** The signer's confirmation: what they did, and (once signed) where the agreement stands. */
export function confirmationFields(
  r: Receipt,
  s: PartyStanding,
  sealed: boolean,
  lang: PageLanguage,
  path: string,
) {
  const t = PAGE_TEXTS[lang];
  const party = t.partyNoun[s.party];
  const common = {
    agreement: agreementName(s.parties, lang),
    agreementId: s.agreementId,
    contentHash: s.contentHash,
    verifyHref: `/verify?lang=${lang}`,
  };
  if (r.outcome === 'declined') {
    return {
      ...common,
      heading: t.done.declinedHeading,
      text: t.done.declinedText(party, String(s.version)),
    };
  }
  const inForce = s.versionStatus === 'active' || s.versionStatus === 'superseded';
  const status =
    s.versionStatus === 'pending_signatures'
      ? t.done.awaiting(
          joinList(
            s.awaiting.map((p) => t.partyNoun[p]),
            lang,
          ),
        )
      : inForce
        ? sealed
          ? t.done.sealed
          : t.done.sealing
        : t.errors.closed;
  return {
    ...common,
    heading: t.done.signedHeading,
    text: t.done.signedText(party, String(s.version)),
    signedAt: s.signature
      ? t.done.signedAt(s.signature.name, formatInstant(s.signature.signedAt.toISOString(), lang))
      : undefined,
    status,
    downloadHref: inForce && sealed ? `${path}/agreement.pdf` : undefined,
    superseded: s.versionStatus === 'superseded',
  };
}

/** Post/redirect/get: a reload of the confirmation never posts the form again. */
function redirect(reply: FastifyReply, path: string, asked: unknown): void {
  void reply
    .status(303)
    .headers({
      location: `${path}?lang=${pageLanguage(asked)}`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    })
    .send();
}

function sendPdf(
  reply: FastifyReply,
  { doc, stream }: { doc: StoredDocument; stream: Readable },
  disposition: 'inline' | 'attachment',
): void {
  const name = `agreement-${doc.agreementId}-v${doc.versionNumber}-${doc.kind}.pdf`;
  const headers: Record<string, string> = pdfHeaders(name, disposition);
  if (doc.sizeBytes) headers['content-length'] = String(doc.sizeBytes);
  void reply.status(200).headers(headers).send(stream);
}
