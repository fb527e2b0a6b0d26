/**
 * Just enough PDF syntax to read the document information's Keywords from the bytes without
 * loading the document: verification is synchronous and pdf-lib's parser is not. It reads the
 * files this library writes (classic cross-reference table, Info as a plain indirect object);
 * for anything else it finds nothing rather than guessing.
 */

/** The Keywords of the Info dictionary the last trailer points to, decoded. */
export function readInfoKeywords(pdf: Buffer): string | undefined {
  const text = pdf.toString('latin1');
  const info = lastMatch(text, /\/Info\s+(\d+)\s+(\d+)\s+R/g);
  if (!info) return undefined;
  const header = lastMatch(text, new RegExp(`(?<![0-9])${info[1]}\\s+${info[2]}\\s+obj\\b`, 'g'));
  if (!header) return undefined;
  const start = header.index + header[0].length;
  const end = text.indexOf('endobj', start);
  const body = text.slice(start, end < 0 ? undefined : end);
  const key = /\/Keywords\s*([<(])/.exec(body);
  if (!key) return undefined;
  const at = key.index + key[0].length - 1;
  const bytes = key[1] === '<' ? readHexString(body, at) : readLiteralString(body, at);
  return bytes && decodeTextString(bytes);
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  return last;
}

function readHexString(text: string, open: number): Buffer | undefined {
  const close = text.indexOf('>', open);
  if (close < 0) return undefined;
  const hex = text.slice(open + 1, close).replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  // An odd final digit is followed by an implied 0 (ISO 32000-1, 7.3.4.3).
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

const ESCAPES: Record<string, number> = {
  n: 10,
  r: 13,
  t: 9,
  b: 8,
  f: 12,
  '(': 40,
  ')': 41,
  '\\': 92,
};

function readLiteralString(text: string, open: number): Buffer | undefined {
  const out: number[] = [];
  let depth = 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[++i];
      if (next === undefined) return undefined;
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
      if (octal) {
        out.push(parseInt(octal[0], 8) & 0xff);
        i += octal[0].length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && text[i + 1] === '\n') i++; // a line continuation
      } else {
        out.push(ESCAPES[next] ?? next.charCodeAt(0));
      }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return Buffer.from(out);
    out.push(c.charCodeAt(0));
  }
  return undefined;
}

/** UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), else PDFDocEncoding (≈ Latin-1). */
export function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return body.swap16().toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

/**
 * A PDF date string (ISO 32000-1, 7.9.4): `D:YYYY` followed by optional month, day, hour, minute,
 * second and a UTC offset (`Z`, or `+HH'mm'` / `-HH'mm'`; the apostrophes optional). Undefined
 * for anything else, or a date that does not exist.
 */
export function parsePdfDate(value: string): Date | undefined {
  const m =
    /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:Z(?:00'?(?:00'?)?)?|([+-])(\d{2})(?:'?(\d{2})'?)?)?$/.exec(
      value,
    );
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i, n) =>
    m[i] === undefined ? (n === 1 || n === 2 ? 1 : 0) : Number(m[i]),
  );
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return undefined;
  const sign = m[7] === '-' ? -1 : 1;
  const offsetMinutes = m[7] ? sign * (Number(m[8]) * 60 + Number(m[9] ?? 0)) : 0;
  return new Date(asUtc.getTime() - offsetMinutes * 60_000);
}

/** The value of a literal-string entry (e.g. `/M (D:…)`) in dictionary text, decoded. */
export function readLiteralEntry(dictionary: string, key: string): string | undefined {
  const entry = new RegExp(`/${key}\\s*\\(`).exec(dictionary);
  if (!entry) return undefined;
  const bytes = readLiteralString(dictionary, entry.index + entry[0].length - 1);
  return bytes && decodeTextString(bytes);
}
