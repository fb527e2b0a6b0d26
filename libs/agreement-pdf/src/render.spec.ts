import { PDFDocument } from 'pdf-lib';
import type { AgreementDocument } from './agreement-document';
import { parseAgreementKeywords } from './metadata';
import { DEFAULT_CONTENTS_BYTES, findSignaturePlaceholder } from './placeholder';
import { renderAgreementPdf } from './render';
import { pdfPageCount, pdfText } from './testing/poppler';
import {
  SAMPLE_AGREEMENT_ID,
  SAMPLE_CONTENT_HASH,
  sampleDocument,
  samplePendingDocument,
} from './testing/sample-document';

/** pdftotext ends every page with a form feed. */
const pages = (text: string): string[] => text.split('\f').slice(0, -1);
const squeeze = (text: string): string => text.replace(/\s+/g, '');

const REFERENCE = 'https://duaal.example.nl/verify · ref 7KQ4-M2XD';

describe('renderAgreementPdf', () => {
  let signedNl: Uint8Array;
  let previewEn: Uint8Array;

  beforeAll(async () => {
    signedNl = await renderAgreementPdf(sampleDocument(), { kind: 'signed' });
    previewEn = await renderAgreementPdf(samplePendingDocument('en'), { kind: 'preview' });
  });

  it('writes every party, the supervisor and the signers with their own letters', () => {
    for (const pdf of [signedNl, previewEn]) {
      const text = pdfText(pdf);
      for (const name of [
        'Zoë Çelik',
        'Łukasz Wiśniewski',
        'Avans Hogeschool',
        'Stichting Duaal Werken Brabant',
        'De Jong Bouw & Techniek B.V.',
        'Anaïs van den Berg-IJsbrandt',
      ]) {
        expect(text).toContain(name);
      }
    }
    const signed = pdfText(signedNl);
    expect(signed).toContain('IJsbrand de Jong');
    expect(signed).toContain('Đorđe Šťastný');
  });

  it('writes the salary in the language of the document', () => {
    expect(pdfText(signedNl)).toContain('€ 2.345,67');
    expect(pdfText(previewEn)).toContain('€2,345.67');
  });

  it('prints the dates and amounts from which the salary must rise to the minimum wage, when any', async () => {
    const rises = [
      { from: '2027-03-01', minimumMonthlyCents: 122443, age: 19 },
      { from: '2028-01-01', minimumMonthlyCents: 163211, age: null },
    ];
    const nl = pdfText(
      await renderAgreementPdf(sampleDocument({ minimumWageRises: rises }), { kind: 'signed' }),
    );
    expect(nl).toContain('Wettelijk minimumloon');
    expect(nl).toContain('vanaf 1 maart 2027 (19 jaar): ten minste € 1.224,43 per maand');
    expect(nl).toContain('vanaf 1 januari 2028: ten minste € 1.632,11 per maand');
    const en = pdfText(
      await renderAgreementPdf(
        { ...samplePendingDocument('en'), minimumWageRises: rises },
        { kind: 'preview' },
      ),
    );
    expect(en).toContain('from 1 March 2027 (age 19): at least €1,224.43 a month');
    for (const text of [pdfText(signedNl), pdfText(previewEn)]) {
      expect(text).not.toContain('Wettelijk minimumloon');
      expect(text).not.toContain('Statutory minimum wage');
    }
  });

  it('uses Dutch headings for nl and English ones for en', () => {
    const nl = pdfText(signedNl);
    for (const heading of [
      'Tripartiete overeenkomst duaal leren',
      'Artikel 1 – Partijen',
      'Ondertekening',
      'Audittrail',
    ]) {
      expect(nl).toContain(heading);
    }
    expect(nl).not.toContain('Article 1');
    const en = pdfText(previewEn);
    for (const heading of [
      'Tripartite agreement for dual learning',
      'Article 1 – Parties',
      'Signatures',
      'Audit trail',
    ]) {
      expect(en).toContain(heading);
    }
    expect(en).not.toContain('Artikel 1');
  });

  it('prints the content hash, the verification reference and the page number on every page', () => {
    for (const [pdf, pageLabel] of [
      [signedNl, (n: number, of: number) => `pagina ${n} van ${of}`],
      [previewEn, (n: number, of: number) => `page ${n} of ${of}`],
    ] as const) {
      const count = pdfPageCount(pdf);
      expect(count).toBeGreaterThanOrEqual(3);
      const texts = pages(pdfText(pdf));
      expect(texts).toHaveLength(count);
      texts.forEach((text, i) => {
        expect(text).toContain(SAMPLE_CONTENT_HASH);
        expect(text).toContain(REFERENCE);
        expect(text).toContain(SAMPLE_AGREEMENT_ID);
        expect(text).toContain(pageLabel(i + 1, count));
      });
    }
  });

  it('marks every page of a preview with the watermark and no page of a signed PDF', async () => {
    // Diagonal text only comes out in content-stream order, one glyph a line.
    const previewPages = pages(pdfText(previewEn, { raw: true }));
    expect(previewPages).toHaveLength(pdfPageCount(previewEn));
    for (const page of previewPages) expect(squeeze(page)).toContain('DRAFT–notsigned');

    const previewNl = await renderAgreementPdf(samplePendingDocument('nl'), { kind: 'preview' });
    for (const page of pages(pdfText(previewNl, { raw: true })))
      expect(squeeze(page)).toContain('CONCEPT–nietondertekend');

    const signedPages = pages(pdfText(signedNl, { raw: true }));
    expect(signedPages).toHaveLength(pdfPageCount(signedNl));
    for (const page of signedPages) {
      expect(squeeze(page)).not.toContain('CONCEPT');
      expect(squeeze(page)).not.toContain('nietondertekend');
    }
  });

  it('renders the same input to the same bytes', async () => {
    const again = await renderAgreementPdf(sampleDocument(), { kind: 'signed' });
    expect(Buffer.from(again).equals(Buffer.from(signedNl))).toBe(true);
    const previewAgain = await renderAgreementPdf(samplePendingDocument('en'), { kind: 'preview' });
    expect(Buffer.from(previewAgain).equals(Buffer.from(previewEn))).toBe(true);
  });

  it('renders a changed input to other bytes with another document ID', async () => {
    const changed: AgreementDocument = sampleDocument({ version: 3 });
    const other = await renderAgreementPdf(changed, { kind: 'signed' });
    expect(Buffer.from(other).equals(Buffer.from(signedNl))).toBe(false);
    const id = (pdf: Uint8Array) =>
      /\/ID \[ <([0-9A-F]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
    expect(id(other)).toBeDefined();
    expect(id(other)).not.toEqual(id(signedNl));
  });

  it('says in its metadata which agreement version and kind it is', async () => {
    const signed = await PDFDocument.load(signedNl, { updateMetadata: false });
    expect(parseAgreementKeywords(signed.getKeywords())).toEqual({
      agreementId: SAMPLE_AGREEMENT_ID,
      version: 2,
      contentHash: SAMPLE_CONTENT_HASH,
      kind: 'signed',
    });
    expect(signed.getTitle()).toContain('Tripartiete overeenkomst duaal leren');
    expect(signed.getCreationDate()?.toISOString()).toBe('2026-06-03T15:30:59.000Z');

    const preview = await PDFDocument.load(previewEn, { updateMetadata: false });
    expect(parseAgreementKeywords(preview.getKeywords())?.kind).toBe('preview');
  });

  it('gives a signed PDF an empty signature placeholder and a preview none', () => {
    const placeholder = findSignaturePlaceholder(signedNl);
    expect(placeholder).toBeDefined();
    expect(placeholder!.contents.end - placeholder!.contents.start).toBe(
      DEFAULT_CONTENTS_BYTES * 2 + 2,
    );
    expect(findSignaturePlaceholder(previewEn)).toBeUndefined();
  });

  it('sizes the placeholder as asked', async () => {
    const pdf = await renderAgreementPdf(sampleDocument(), {
      kind: 'signed',
      sealContentsBytes: 3000,
    });
    const placeholder = findSignaturePlaceholder(pdf)!;
    expect(placeholder.contents.end - placeholder.contents.start).toBe(3000 * 2 + 2);
  });
});
