/**
 * Sealing: fills the signature placeholder of a rendered PDF with a CMS signature over every
 * byte except the /Contents hex string. The fast path (sealPdf) patches the saved bytes in place
 * and never parses the PDF again; a PDF without a (big enough) placeholder needs pdf-lib, which
 * is asynchronous, hence the separate sealAnyPdf.
 *
 * Deterministic: RSA PKCS#1 v1.5 signatures are, so the same PDF, signing time (/M, inside the
 * signed bytes) and key always give the same bytes, and a sealing job that runs twice stores the
 * same file.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { AgreementDocument } from './agreement-document';
import { SealError } from './errors';
import {
  PlaceholderLocation,
  addSignaturePlaceholder,
  findSignaturePlaceholder,
  hasOtherSignature,
  signatureInfoBytes,
} from './placeholder';
import { RenderOptions, renderAgreementPdf } from './render';
import type { Sealer } from './sealer';

export interface SealOptions {
  /**
   * The claimed signing time, written as the signature dictionary's /M (PAdES baseline: not as a
   * CMS attribute); pass the moment the agreement became binding, not the clock.
   */
  signingTime: Date;
  /** At most 200 characters each. */
  reason?: string;
  location?: string;
}

/**
 * Seals a PDF that carries the placeholder renderAgreementPdf puts in signed PDFs. Throws a
 * SealError when it has none or when the CMS does not fit (render with
 * `sealContentsBytes: sealer.contentsBytes`, or use sealAnyPdf).
 */
export function sealPdf(pdf: Uint8Array, sealer: Sealer, options: SealOptions): Buffer {
  checkOptions(options);
  const placeholder = findSignaturePlaceholder(pdf);
  if (!placeholder) {
    throw new SealError(
      hasOtherSignature(pdf)
        ? 'the PDF is already signed'
        : 'the PDF has no signature placeholder; render it with kind "signed" or use sealAnyPdf',
    );
  }
  const sealed = fill(Buffer.from(pdf), placeholder, sealer, options);
  if (!sealed) {
    throw new SealError(
      `the seal does not fit the ${capacity(placeholder)} bytes of the placeholder; ` +
        'render with sealContentsBytes: sealer.contentsBytes, or use sealAnyPdf',
    );
  }
  return sealed;
}

/** Seals any unencrypted PDF: adds or resizes the placeholder with pdf-lib when needed. */
export async function sealAnyPdf(
  pdf: Uint8Array,
  sealer: Sealer,
  options: SealOptions,
): Promise<Buffer> {
  checkOptions(options);
  const placeholder = findSignaturePlaceholder(pdf);
  const sealed = placeholder && fill(Buffer.from(pdf), placeholder, sealer, options);
  if (sealed) return sealed;
  // Saving again rewrites the whole file, which would break a signature already in it.
  if (hasOtherSignature(pdf)) throw new SealError('the PDF is already signed');
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (e) {
    throw new SealError(`cannot read the PDF: ${(e as Error).message}`);
  }
  addSignaturePlaceholder(doc, { contentsBytes: sealer.contentsBytes });
  const saved = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  return sealPdf(saved, sealer, options);
}

/** Renders a signed PDF with a placeholder sized for this sealer and seals it. */
export async function renderAndSeal(
  doc: AgreementDocument,
  sealer: Sealer,
  options: SealOptions & Omit<RenderOptions, 'kind' | 'sealContentsBytes'>,
): Promise<Buffer> {
  const { signingTime, reason, location, ...render } = options;
  const pdf = await renderAgreementPdf(doc, {
    ...render,
    kind: 'signed',
    sealContentsBytes: sealer.contentsBytes,
  });
  return sealPdf(pdf, sealer, { signingTime, reason, location });
}

function checkOptions(options: SealOptions): void {
  if (!(options.signingTime instanceof Date) || Number.isNaN(options.signingTime.getTime())) {
    throw new SealError('signingTime must be a valid Date');
  }
  if (![options.reason, options.location].every((v) => v === undefined || typeof v === 'string')) {
    throw new SealError('reason and location must be strings');
  }
}

/** DER bytes the /Contents hex string can hold. */
const capacity = (p: PlaceholderLocation): number => (p.contents.end - p.contents.start - 2) / 2;

/** The sealed bytes, or undefined when the CMS does not fit the placeholder. */
function fill(
  out: Buffer,
  p: PlaceholderLocation,
  sealer: Sealer,
  options: SealOptions,
): Buffer | undefined {
  const info = signatureInfoBytes({
    signingTime: options.signingTime,
    signerName: sealer.signerName,
    reason: options.reason,
    location: options.location,
  });
  info.copy(out, p.info.start);

  const byteRange = [0, p.contents.start, p.contents.end, out.length - p.contents.end];
  const width = p.byteRange.end - p.byteRange.start;
  const written = `[${byteRange.join(' ')}`;
  if (written.length + 1 > width)
    throw new SealError('the PDF is too large for the byte range placeholder');
  out.write(`${written.padEnd(width - 1, ' ')}]`, p.byteRange.start, 'latin1');

  const digest = createHash('sha256')
    .update(out.subarray(0, p.contents.start))
    .update(out.subarray(p.contents.end))
    .digest();
  const cms = sealer.signDigest(digest);
  if (cms.length > capacity(p)) return undefined;
  // Lowercase hex after '<'; the rest of the placeholder stays '0', which decodes to zero padding.
  out.write(cms.toString('hex'), p.contents.start + 1, 'latin1');
  return out;
}
