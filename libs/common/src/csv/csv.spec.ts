import { attachmentDisposition, neutraliseCell, toCsv } from './csv';

/** A minimal RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('toCsv', () => {
  it('writes UTF-8 with a byte-order mark and CRLF line ends', () => {
    const bytes = toCsv(['name'], [['Zoë']]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\ufeffname\r\nZoë\r\n');
  });

  it('keeps Dutch and Turkish names intact', () => {
    const text = toCsv(
      ['first', 'last'],
      [
        ['Zoë', 'Çelik'],
        ['IJsbrand', "d'Hondt"],
      ],
    ).toString('utf8');
    expect(parse(text.slice(1))).toEqual([
      ['first', 'last'],
      ['Zoë', 'Çelik'],
      ['IJsbrand', "d'Hondt"],
    ]);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const text = toCsv(['a', 'b', 'c'], [['Bakker, J.', 'de "Molen"', 'twee\r\nregels']]).toString(
      'utf8',
    );
    expect(text).toContain('"Bakker, J.","de ""Molen""","twee\r\nregels"');
    expect(parse(text.slice(1))[1]).toEqual(['Bakker, J.', 'de "Molen"', 'twee\r\nregels']);
  });

  it.each([
    '=1+1',
    '+31612345678',
    '-2+3',
    '@SUM(A1)',
    '\t=cmd',
    '\r=cmd',
    '=HYPERLINK("http://x")',
  ])('neutralises the formula cell %j with a leading quote', (cell) => {
    const text = toCsv(['x'], [[cell]]).toString('utf8');
    expect(parse(text.slice(1))[1]).toEqual([`'${cell}`]);
  });

  it('leaves numbers, booleans and empty cells as data', () => {
    const text = toCsv(['n', 'neg', 'b', 'none'], [[42, -1.5, true, null]]).toString('utf8');
    expect(parse(text.slice(1))[1]).toEqual(['42', '-1.5', 'true', '']);
    expect(neutraliseCell(undefined)).toBeNull();
    expect(neutraliseCell('Zoë = blij')).toBe('Zoë = blij');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('uitkomsten-Zoë.csv')).toBe(
      `attachment; filename="uitkomsten-Zo_.csv"; filename*=UTF-8''uitkomsten-Zo%C3%AB.csv`,
    );
  });
});
