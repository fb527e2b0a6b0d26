import {
  decodeTextString,
  parsePdfDate,
  readInfoKeywords,
  readLiteralEntry,
} from './pdf-syntax';

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}`, 'latin1');

describe('readInfoKeywords', () => {
  it('reads a literal string with escapes and balanced parentheses', () => {
    const file = pdf(
      '4 0 obj\n<< /Title (x) /Keywords (a\\(b\\) (c) d\\\\e\\101\\nz) >>\nendobj\ntrailer\n<< /Info 4 0 R >>\n',
    );
    expect(readInfoKeywords(file)).toBe('a(b) (c) d\\eA\nz');
  });

  it('reads a UTF-16BE hex string with whitespace inside', () => {
    const file = pdf(
      '14 0 obj\n<<\n/Keywords <FEFF 0061 003A 00EB>\n>>\nendobj\ntrailer\n<< /Info 14 0 R >>\n',
    );
    expect(readInfoKeywords(file)).toBe('a:ë');
  });

  it('follows the last trailer and the last definition of the object', () => {
    const file = pdf(
      '4 0 obj\n<< /Keywords (old) >>\nendobj\n5 0 obj\n<< /Keywords (other) >>\nendobj\ntrailer\n<< /Info 4 0 R >>\n' +
        '4 0 obj\n<< /Keywords (new) >>\nendobj\ntrailer\n<< /Info 4 0 R /Prev 9 >>\n',
    );
    expect(readInfoKeywords(file)).toBe('new');
  });

  it('finds nothing rather than guessing', () => {
    expect(readInfoKeywords(pdf('trailer\n<< /Size 1 >>\n'))).toBeUndefined();
    expect(readInfoKeywords(pdf('trailer\n<< /Info 4 0 R >>\n'))).toBeUndefined();
    expect(
      readInfoKeywords(
        pdf('4 0 obj\n<< /Keywords (unterminated >>\nendobj\ntrailer\n<< /Info 4 0 R >>'),
      ),
    ).toBeUndefined();
    expect(
      readInfoKeywords(
        pdf('14 0 obj\n<< /Keywords (fourteen) >>\nendobj\ntrailer\n<< /Info 4 0 R >>'),
      ),
    ).toBeUndefined();
  });
});

describe('decodeTextString', () => {
  it('decodes UTF-16BE, UTF-8 with a BOM and PDFDocEncoding', () => {
    expect(decodeTextString(Buffer.from('feff0141', 'hex'))).toBe('Ł');
    expect(decodeTextString(Buffer.from('efbbbfc385', 'hex'))).toBe('Å');
    expect(decodeTextString(Buffer.from('e9', 'hex'))).toBe('é');
  });
});

describe('PDF dates and dictionary entries', () => {
  it('reads the date forms of ISO 32000-1 7.9.4, offsets included', () => {
    const utc = new Date('2026-06-03T15:30:59Z');
    expect(parsePdfDate("D:20260603153059+00'00'")).toEqual(utc);
    expect(parsePdfDate('D:20260603153059Z')).toEqual(utc);
    expect(parsePdfDate("D:20260603173059+02'00'")).toEqual(utc);
    expect(parsePdfDate("D:20260603100059-05'30")).toEqual(new Date('2026-06-03T15:30:59Z'));
    expect(parsePdfDate('D:2026')).toEqual(new Date('2026-01-01T00:00:00Z'));
    for (const bad of ['20260603153059Z', 'D:20260230120000Z', 'D:20260603250000Z', 'D:2026x', ''])
      expect(parsePdfDate(bad)).toBeUndefined();
  });

  it('reads a literal-string entry of a dictionary, not a longer key', () => {
    const dict = "<< /MediaBox [0 0 1 1] /M (D:20260603153059+00'00') /Name (Zo\\351) >>";
    expect(readLiteralEntry(dict, 'M')).toBe("D:20260603153059+00'00'");
    expect(readLiteralEntry(dict, 'Name')).toBe('Zoé'); // octal escape, PDFDocEncoding
    expect(readLiteralEntry('<< /Mx (a) >>', 'M')).toBeUndefined();
  });
});
