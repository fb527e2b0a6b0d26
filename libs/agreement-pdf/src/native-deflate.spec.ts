import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFFlateStream, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { deflateContentStreams, useNativeDeflate } from './native-deflate';

describe('native deflate for pdf-lib streams', () => {
  it('replaces every stream pdf-lib would compress with a zlib-compressed raw stream of the same content', async () => {
    const pdf = await PDFDocument.create();
    useNativeDeflate(pdf);
    const page = pdf.addPage();
    page.drawText('Zoë Çelik tekent de praktijkovereenkomst', {
      font: await pdf.embedFont(StandardFonts.Helvetica),
    });
    const fontStream = pdf.context.flateStream(new Uint8Array([1, 2, 3, 4, 5]), { Length1: 5 });
    const fontRef = pdf.context.register(fontStream);
    const contentRefs = pdf.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFFlateStream)
      .map(([ref, object]) => [ref, (object as PDFFlateStream).getUnencodedContents()] as const);
    expect(contentRefs.length).toBeGreaterThan(0);

    await deflateContentStreams(pdf);

    for (const [ref, unencoded] of contentRefs) {
      const stream = pdf.context.lookup(ref);
      expect(stream).toBeInstanceOf(PDFRawStream);
      expect((stream as PDFRawStream).dict.get(PDFName.of('Filter'))).toBe(
        PDFName.of('FlateDecode'),
      );
      expect(inflateSync((stream as PDFRawStream).contents)).toEqual(Buffer.from(unencoded));
    }
    expect(inflateSync(fontStream.contents)).toEqual(Buffer.from([1, 2, 3, 4, 5]));
    expect(pdf.context.lookup(fontRef)).toBe(fontStream);
    const reloaded = await PDFDocument.load(await pdf.save({ useObjectStreams: false }));
    expect(reloaded.getPageCount()).toBe(1);
  });
});
