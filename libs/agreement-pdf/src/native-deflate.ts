/**
 * pdf-lib compresses streams with pako, a deflate written in JavaScript: about a fifth of the
 * time a document takes to render went into it. Node's zlib (native, same format) does the same
 * work several times faster, so this document's streams are compressed with it instead. The
 * output stays deterministic (same zlib, same level, same bytes).
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFFlateStream, PDFName, PDFRawStream } from 'pdf-lib';

const FLATE = PDFName.of('FlateDecode');

/** Streams made by `context.flateStream` (embedded font subsets) from now on use zlib. */
export function useNativeDeflate(pdf: PDFDocument): void {
  const context = pdf.context;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(contents), { ...dict, Filter: 'FlateDecode' });
}

/**
 * Content streams (PDFFlateStream) compress lazily when written: after `flush()` has embedded
 * everything, swap each for a raw stream compressed with zlib, under the same reference.
 */
export async function deflateContentStreams(pdf: PDFDocument): Promise<void> {
  await pdf.flush();
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    // A stream pdf-lib would compress carries /Filter /FlateDecode already (PDFFlateStream).
    if (object instanceof PDFFlateStream && object.dict.get(PDFName.of('Filter')) === FLATE) {
      const compressed = deflateSync(object.getUnencodedContents());
      pdf.context.assign(ref, PDFRawStream.of(object.dict, compressed));
    }
  }
}
