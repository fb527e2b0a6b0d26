import { Clock, DomainError, NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Readable } from 'node:stream';
import type { RequestInfo } from '../agreements/agreement-signing.service';
import { LinkSignDto, Party, ReasonDto } from '../agreements/dto/agreement.dto';
import {
  PartyStanding,
  SigningLinksService,
  SigningLinkView,
} from '../agreements/signing-links.service';
import { DocumentsService } from '../documents/documents.service';
import { DocumentKind, StoredDocument } from '../documents/entities/document.entity';
import { FormTokens, Receipt, ReceiptOutcome, TokenCheck } from './form-tokens';
import { ReceiptNotValid, SignerReceipts } from './signer-receipts';

export { ReceiptNotValid };

/** How long a rendered sign form may be sent back (then it is shown again with a fresh token). */
export const FORM_TTL_MS = 4 * 3600_000;

/** A form as posted (application/x-www-form-urlencoded; a repeated field gives an array). */
export type FormBody = Record<string, string | string[] | undefined>;

export type FormOutcome =
  { kind: 'done'; receipt: string } | { kind: 'invalid'; status: 403 | 422; fields: string[] };

/** 409 until a document of the version is made. */
export class DocumentNotReady extends DomainError {
  constructor() {
    super(409, 'document-not-ready', 'Conflict', 'The PDF is not ready yet.');
  }
}

/** The first value of a form field, or ''. */
export function formField(body: FormBody | undefined, name: string): string {
  const value = body?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * What the sign page does, through the very use cases of the JSON signing API
 * (SigningLinksService: the same evidence, the same checks), plus the page's own: form tokens
 * against cross-site posts, and the receipt a signer keeps to come back for the sealed PDF.
 */
@Injectable()
export class SignPagesService {
  constructor(
    private readonly links: SigningLinksService,
    private readonly documents: DocumentsService,
    private readonly tokens: FormTokens,
    private readonly receipts: SignerReceipts,
    private readonly clock: Clock,
  ) {}

  /** The link's version (404 unknown, 410 used, expired or closed) and whether its preview is ready. */
  async signable(token: string): Promise<{ view: SigningLinkView; previewReady: boolean }> {
    const view = await this.links.read(token);
    const preview = await this.documents.versionDocument(view.agreementId, view.version, 'preview');
    return { view, previewReady: preview?.status === 'ready' };
  }

  formToken(token: string): string {
    return this.tokens.formToken(scopeOf(token), this.clock.now(), FORM_TTL_MS);
  }

  checkFormToken(token: string, body: FormBody | undefined): TokenCheck {
    return this.tokens.checkFormToken(scopeOf(token), formField(body, 'csrf'), this.clock.now());
  }

  /** Signs as POST /api/v1/signing/:token/sign does, from the page's form. */
  async sign(token: string, body: FormBody | undefined, req: RequestInfo): Promise<FormOutcome> {
    if (this.checkFormToken(token, body) !== 'ok')
      return { kind: 'invalid', status: 403, fields: [] };
    const input = await validated(LinkSignDto, {
      contentHash: formField(body, 'contentHash'),
      name: formField(body, 'name'),
      consent: formField(body, 'consent') === 'yes',
    });
    if ('fields' in input) return { kind: 'invalid', status: 422, fields: input.fields };
    const done = await this.links.sign(token, input.dto, req);
    return {
      kind: 'done',
      receipt: this.receipt(done.agreementId, done.version, done.party, 'signed'),
    };
  }

  /** Declines as POST /api/v1/signing/:token/decline does, from the page's form. */
  async decline(token: string, body: FormBody | undefined): Promise<FormOutcome> {
    if (this.checkFormToken(token, body) !== 'ok')
      return { kind: 'invalid', status: 403, fields: [] };
    const input = await validated(ReasonDto, { reason: formField(body, 'reason') });
    if ('fields' in input) return { kind: 'invalid', status: 422, fields: input.fields };
    const done = await this.links.decline(token, input.dto);
    return {
      kind: 'done',
      receipt: this.receipt(done.agreementId, done.version, done.party, 'declined'),
    };
  }

  /** A receipt's subject and where its party stands (404/410 for a receipt we did not issue or that ran out). */
  async standing(
    receipt: string,
  ): Promise<{ receipt: Receipt; standing: PartyStanding; sealed: boolean }> {
    const r = this.readReceipt(receipt);
    const standing = await this.links.standing(r.agreementId, r.version, r.party);
    if (!standing) throw new ReceiptNotValid(false);
    const signed =
      r.outcome === 'signed'
        ? await this.documents.versionDocument(r.agreementId, r.version, 'signed')
        : null;
    return { receipt: r, standing, sealed: signed?.status === 'ready' };
  }

  /** The watermarked preview of the link's version: nothing else of the agreement is reachable by a token. */
  async preview(token: string): Promise<{ doc: StoredDocument; stream: Readable }> {
    const view = await this.links.read(token);
    return this.readyDocument(view.agreementId, view.version, 'preview');
  }

  /** The sealed PDF of the version a signer's receipt names. */
  async sealed(receipt: string): Promise<{ doc: StoredDocument; stream: Readable }> {
    const r = this.readReceipt(receipt);
    if (r.outcome !== 'signed') throw new NotFoundError('Document');
    return this.readyDocument(r.agreementId, r.version, 'signed');
  }

  /** Valid as long as a signing link is (SIGNING_LINK_TTL_HOURS), from the moment of signing. */
  private receipt(
    agreementId: string,
    version: number,
    party: Party,
    outcome: ReceiptOutcome,
  ): string {
    return this.receipts.issue({ agreementId, version, party, outcome }).receipt;
  }

  private readReceipt(value: string): Receipt {
    return this.receipts.read(value);
  }

  private async readyDocument(agreementId: string, version: number, kind: DocumentKind) {
    const doc = await this.documents.versionDocument(agreementId, version, kind);
    if (!doc || doc.status !== 'ready') throw new DocumentNotReady();
    return this.documents.open(doc);
  }
}

function scopeOf(token: string): string {
  return `sign:${token}`;
}

/** The JSON API's own DTO rules (class-validator), applied to a form; the fields that break them. */
async function validated<T extends object>(
  cls: new () => T,
  plain: object,
): Promise<{ dto: T } | { fields: string[] }> {
  const dto = plainToInstance(cls, plain);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? { fields: errors.map((e) => e.property) } : { dto };
}
