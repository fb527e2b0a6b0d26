import { decodeTextString, readInfoKeywords } from './pdf-syntax';

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
