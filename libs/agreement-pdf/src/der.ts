/**
 * A minimal DER encoder and a strict DER reader: just what CMS SignedData and X.509 field
 * extraction need. The seal's structure is fixed, so most of it is encoded once per process and
 * only the digest, the time and the signature change per document; a general ASN.1 library would
 * rebuild object trees for every seal. The reader rejects anything that is not minimal DER
 * (long-form lengths where short form fits, indefinite lengths, trailing bytes), so a byte
 * changed in an encoded structure cannot be silently tolerated.
 */

export class DerError extends Error {
  override readonly name = 'DerError';
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag number n; constructed unless said otherwise. */
export function contextTag(n: number, constructed = true): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.of(length);
  const bytes: number[] = [];
  for (let l = length; l > 0; l = Math.floor(l / 256)) bytes.unshift(l & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = content.length === 1 ? content[0] : Buffer.concat(content);
  return Buffer.concat([Buffer.of(tag), encodeLength(body.length), body]);
}

export const sequence = (...content: Uint8Array[]): Buffer => tlv(TAG.SEQUENCE, ...content);

/** SET OF in DER: elements sorted by their encodings (X.690 11.6). */
export function setOf(...elements: Buffer[]): Buffer {
  return tlv(TAG.SET, ...[...elements].sort(Buffer.compare));
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) throw new DerError(`invalid OID ${dotted}`);
  const out: number[] = [];
  const pushBase128 = (v: bigint): void => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  pushBase128(arcs[0] * 40n + arcs[1]);
  arcs.slice(2).forEach(pushBase128);
  return tlv(TAG.OID, Buffer.from(out));
}

export const octetString = (bytes: Uint8Array): Buffer => tlv(TAG.OCTET_STRING, bytes);
export const integer = (n: number): Buffer => {
  if (!Number.isInteger(n) || n < 0 || n > 127)
    throw new DerError('small non-negative integers only');
  return tlv(TAG.INTEGER, Buffer.of(n));
};

/** UTCTime for 1950-2049 and GeneralizedTime otherwise, as RFC 5652 11.3 requires. */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const year = date.getUTCFullYear();
  const rest =
    iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19);
  if (year >= 1950 && year < 2050)
    return tlv(TAG.UTC_TIME, Buffer.from(`${String(year).slice(2)}${rest}Z`, 'ascii'));
  return tlv(
    TAG.GENERALIZED_TIME,
    Buffer.from(`${String(year).padStart(4, '0')}${rest}Z`, 'ascii'),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface Node {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
}

/** Reads one TLV at `offset`, which must end at or before `limit`. */
export function readNode(buf: Uint8Array, offset: number, limit = buf.length): Node {
  if (offset + 2 > limit) throw new DerError('truncated DER header');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not supported');
  let p = offset + 1;
  const first = buf[p++];
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const n = first & 0x7f;
    if (n === 0) throw new DerError('indefinite length is not DER');
    if (n > 4) throw new DerError('length too large');
    if (p + n > limit) throw new DerError('truncated DER length');
    if (buf[p] === 0) throw new DerError('non-minimal DER length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[p++];
    if (length < 0x80) throw new DerError('non-minimal DER length');
  }
  const end = p + length;
  if (end > limit) throw new DerError('DER value runs past its container');
  return { tag, start: offset, contentStart: p, end };
}

/** Reads a whole buffer as exactly one TLV. */
export function readRoot(buf: Uint8Array): Node {
  const node = readNode(buf, 0, buf.length);
  if (node.end !== buf.length) throw new DerError('trailing bytes after DER value');
  return node;
}

export function children(buf: Uint8Array, node: Node): Node[] {
  if ((node.tag & 0x20) === 0)
    throw new DerError(`tag 0x${node.tag.toString(16)} is not constructed`);
  const out: Node[] = [];
  for (let p = node.contentStart; p < node.end;) {
    const child = readNode(buf, p, node.end);
    out.push(child);
    p = child.end;
  }
  return out;
}

export function expectTag(node: Node | undefined, tag: number, what: string): Node {
  if (!node) throw new DerError(`${what} is missing`);
  if (node.tag !== tag)
    throw new DerError(
      `${what}: expected tag 0x${tag.toString(16)}, got 0x${node.tag.toString(16)}`,
    );
  return node;
}

export const raw = (buf: Uint8Array, node: Node): Buffer =>
  Buffer.from(buf.subarray(node.start, node.end));
export const content = (buf: Uint8Array, node: Node): Buffer =>
  Buffer.from(buf.subarray(node.contentStart, node.end));

export function readOid(buf: Uint8Array, node: Node): string {
  expectTag(node, TAG.OID, 'OID');
  const bytes = buf.subarray(node.contentStart, node.end);
  if (bytes.length === 0 || (bytes[bytes.length - 1] & 0x80) !== 0)
    throw new DerError('malformed OID');
  const arcs: bigint[] = [];
  let v = 0n;
  for (let i = 0; i < bytes.length; i++) {
    if (v === 0n && bytes[i] === 0x80) throw new DerError('non-minimal OID arc');
    v = (v << 7n) | BigInt(bytes[i] & 0x7f);
    if ((bytes[i] & 0x80) === 0) {
      arcs.push(v);
      v = 0n;
    }
  }
  const first = arcs[0] < 80n ? arcs[0] / 40n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join('.');
}

/** UTCTime or GeneralizedTime in the `YYMMDDHHMMSSZ` / `YYYYMMDDHHMMSSZ` forms DER requires. */
export function readTime(buf: Uint8Array, node: Node): Date {
  const s = Buffer.from(buf.subarray(node.contentStart, node.end)).toString('latin1');
  let m: RegExpExecArray | null;
  if (node.tag === TAG.UTC_TIME && (m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s))) {
    const yy = Number(m[1]);
    return utc(yy < 50 ? 2000 + yy : 1900 + yy, m.slice(2));
  }
  if (
    node.tag === TAG.GENERALIZED_TIME &&
    (m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s))
  ) {
    return utc(Number(m[1]), m.slice(2));
  }
  throw new DerError(`unsupported time value "${s}"`);
}

function utc(year: number, parts: string[]): Date {
  const [mo, d, h, mi, se] = parts.map(Number);
  const date = new Date(Date.UTC(year, mo - 1, d, h, mi, se));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new DerError('invalid date');
  return date;
}
