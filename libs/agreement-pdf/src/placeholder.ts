/**
 * The signature field a seal goes into. The signature dictionary is written as raw bytes in a
 * fixed layout, so that sealPdf can find it in the saved file and fill it in place without
 * parsing the PDF again:
 *
 *   <<
 *   /Type /Sig
 *   /Filter /Adobe.PPKLite
 *   /SubFilter /ETSI.CAdES.detached
 *   /ByteRange [0 /********** /********** /**********]
 *   /Contents <000…000>
 *   (INFO_SLOT_BYTES spaces, later /M, /Name, /Reason and /Location)
 *   >>
 *
 * The signer's name, the signing time, reason and location are only known when sealing, so the
 * dictionary reserves whitespace for them instead of fixing them at render time: a PDF rendered
 * once can be sealed by any sealer at any time. /M is the claimed signing time (PAdES baseline,
 * ETSI EN 319 142-1: the CMS carries no signing-time attribute); it lies inside the signed bytes.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { SealError } from './errors';
import { clean } from './format';

export const SEAL_FIELD_NAME = 'Seal';
/**
 * Bytes reserved for the CMS when the caller does not say: a signer certificate and a CA chain of
 * two or three certificates. A sealer knows its own need (`Sealer.contentsBytes`).
 */
export const DEFAULT_CONTENTS_BYTES = 8192;
/** Room for /M, /Name (64 characters), /Reason and /Location (200 characters each). */
export const INFO_SLOT_BYTES = 2048;
export const MAX_INFO_TEXT_LENGTH = 200;

const BYTE_RANGE_KEY = '/ByteRange ';
const BYTE_RANGE_PLACEHOLDER = '[0 /********** /********** /**********]';
const MARKER = Buffer.from(BYTE_RANGE_KEY + BYTE_RANGE_PLACEHOLDER, 'latin1');
const CONTENTS_PREFIX = Buffer.from('\n/Contents <', 'latin1');
const ZERO = 0x30; // '0'
const SPACE = 0x20;

export interface PlaceholderOptions {
  /** Bytes reserved for the DER CMS (the hex string is twice as long). */
  contentsBytes?: number;
}

/**
 * Adds an invisible signature field on the last page, or, when the document already has our
 * unsealed field, replaces its placeholder (so a placeholder that is too small can be resized).
 */
export function addSignaturePlaceholder(pdf: PDFDocument, options: PlaceholderOptions = {}): void {
  const contentsBytes = options.contentsBytes ?? DEFAULT_CONTENTS_BYTES;
  if (!Number.isInteger(contentsBytes) || contentsBytes < 256 || contentsBytes > 1_000_000) {
    throw new SealError(
      `contentsBytes must be an integer between 256 and 1000000, got ${contentsBytes}`,
    );
  }
  const pages = pdf.getPages();
  if (pages.length === 0) throw new SealError('a PDF without pages cannot be sealed');
  const context = pdf.context;
  const signature = new RawPdfObject(signatureDictionary(contentsBytes));

  const acroForm = pdf.catalog.getOrCreateAcroForm();
  acroForm.dict.set(PDFName.of('SigFlags'), context.obj(3));
  const existing = findSealField(acroForm.getFields().map(([field]) => field.dict));
  if (existing) {
    const ref = existing.get(PDFName.of('V'));
    if (ref instanceof PDFRef && isUnsealedPlaceholder(context.lookup(ref))) {
      context.assign(ref, signature);
      return;
    }
    throw new SealError(
      `the PDF already has a "${SEAL_FIELD_NAME}" signature field that is not an empty placeholder`,
    );
  }

  const page = pages[pages.length - 1];
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(SEAL_FIELD_NAME),
      // Print + Locked, and no area: the seal is in the file, not on the page.
      F: 132,
      Rect: [0, 0, 0, 0],
      P: page.ref,
      V: context.register(signature),
    }),
  );
  page.node.addAnnot(widget);
  acroForm.addField(widget);
}

function findSealField(fields: PDFDict[]): PDFDict | undefined {
  return fields.find((dict) => {
    const name = dict.get(PDFName.of('T'));
    const isNamed =
      (name instanceof PDFString || name instanceof PDFHexString) &&
      name.decodeText() === SEAL_FIELD_NAME;
    return isNamed && dict.get(PDFName.of('FT')) === PDFName.of('Sig');
  });
}

/** A placeholder parsed back by pdf-lib: its /Contents is still all zeros. */
function isUnsealedPlaceholder(object: PDFObject | undefined): boolean {
  if (object instanceof RawPdfObject) return true;
  if (!(object instanceof PDFDict)) return false;
  const contents = object.get(PDFName.of('Contents'));
  return contents instanceof PDFHexString && /^0*$/.test(contents.asString());
}

function signatureDictionary(contentsBytes: number): Buffer {
  return Buffer.concat([
    Buffer.from(
      '<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n',
      'latin1',
    ),
    MARKER,
    CONTENTS_PREFIX,
    Buffer.alloc(contentsBytes * 2, ZERO),
    Buffer.from('>\n', 'latin1'),
    Buffer.alloc(INFO_SLOT_BYTES, SPACE),
    Buffer.from('\n>>', 'latin1'),
  ]);
}

/** Bytes pdf-lib writes verbatim: the only way to get a layout sealPdf can patch in place. */
class RawPdfObject extends PDFObject {
  constructor(private readonly bytes: Buffer) {
    super();
  }

  override clone(): RawPdfObject {
    return new RawPdfObject(Buffer.from(this.bytes));
  }

  override toString(): string {
    return this.bytes.toString('latin1');
  }

  override sizeInBytes(): number {
    return this.bytes.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding the placeholder in saved bytes

/** Offsets in the saved file; every `end` is exclusive. */
export interface PlaceholderLocation {
  /** The `[…]` after /ByteRange. */
  byteRange: { start: number; end: number };
  /** The `<…>` hex string, angle brackets included: the gap the byte range leaves out. */
  contents: { start: number; end: number };
  /** The whitespace reserved for /M, /Name, /Reason and /Location. */
  info: { start: number; end: number };
}

/**
 * The unsealed placeholder in a saved PDF, or undefined when there is none. A marker that occurs
 * more than once, or a layout that differs from ours, is an error: patching the wrong bytes would
 * produce a seal that no reader accepts.
 */
export function findSignaturePlaceholder(pdf: Uint8Array): PlaceholderLocation | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const at = bytes.indexOf(MARKER);
  if (at < 0) return undefined;
  if (bytes.indexOf(MARKER, at + 1) >= 0)
    throw new SealError('the PDF has more than one signature placeholder');
  const byteRangeStart = at + BYTE_RANGE_KEY.length;
  const byteRangeEnd = at + MARKER.length;
  if (
    !bytes.subarray(byteRangeEnd, byteRangeEnd + CONTENTS_PREFIX.length).equals(CONTENTS_PREFIX)
  ) {
    throw new SealError('the signature placeholder has an unexpected layout');
  }
  const contentsStart = byteRangeEnd + CONTENTS_PREFIX.length - 1;
  let p = contentsStart + 1;
  while (bytes[p] === ZERO) p++;
  if (bytes[p] !== 0x3e /* > */ || bytes[p + 1] !== 0x0a) {
    throw new SealError('the signature placeholder is not empty (is the PDF already sealed?)');
  }
  const contentsEnd = p + 1;
  const infoStart = contentsEnd + 1;
  const infoEnd = infoStart + INFO_SLOT_BYTES;
  for (let i = infoStart; i < infoEnd; i++) {
    if (bytes[i] !== SPACE)
      throw new SealError('the signature placeholder has an unexpected layout');
  }
  return {
    byteRange: { start: byteRangeStart, end: byteRangeEnd },
    contents: { start: contentsStart, end: contentsEnd },
    info: { start: infoStart, end: infoEnd },
  };
}

/** Whether the file has a /ByteRange other than our empty placeholder (a signature already made). */
export function hasOtherSignature(pdf: Uint8Array): boolean {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const key = Buffer.from('/ByteRange', 'latin1');
  for (let at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + 1)) {
    if (!bytes.subarray(at, at + MARKER.length).equals(MARKER)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Filling it in

export interface SignatureInfo {
  signingTime: Date;
  signerName: string;
  reason?: string;
  location?: string;
}

/** The /M, /Name, /Reason and /Location entries, padded with spaces to the reserved size. */
export function signatureInfoBytes(info: SignatureInfo): Buffer {
  const lines = [`/M ${pdfString(pdfDate(info.signingTime))}`];
  // X.520 caps a common name at 64 characters; /Name is informational, the certificate decides.
  lines.push(`/Name ${pdfString([...info.signerName].slice(0, 64).join(''))}`);
  for (const [key, value] of [
    ['Reason', info.reason],
    ['Location', info.location],
  ] as const) {
    if (value === undefined) continue;
    if ([...value].length > MAX_INFO_TEXT_LENGTH) {
      throw new SealError(`${key.toLowerCase()} is longer than ${MAX_INFO_TEXT_LENGTH} characters`);
    }
    lines.push(`/${key} ${pdfString(value)}`);
  }
  const text = Buffer.from(lines.join('\n'), 'latin1');
  if (text.length > INFO_SLOT_BYTES)
    throw new SealError('the signature details do not fit the placeholder');
  return Buffer.concat([text, Buffer.alloc(INFO_SLOT_BYTES - text.length, SPACE)]);
}

/**
 * A PDF date (ISO 32000-1, 7.9.4) in UTC with the offset written out, `D:YYYYMMDDHHmmSS+00'00'`:
 * the claimed signing time a PAdES baseline signature carries in /M (ETSI EN 319 142-1, B-B).
 */
export function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** A PDF text string: literal for printable ASCII, otherwise UTF-16BE hex with a byte-order mark. */
function pdfString(value: string): string {
  const text = clean(value);
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}
