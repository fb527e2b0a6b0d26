/**
 * renderAgreementPdf: an AgreementDocument → PDF bytes (pdf-lib). Deterministic: the same input
 * gives byte-identical output (dates and /ID derived from the input, subset tags from pdf-lib's
 * fixed-seed generator, no clock). Kind 'signed' carries an empty signature field that sealPdf
 * fills in.
 */
import { PDFDocument, PDFHexString } from 'pdf-lib';
import type { AgreementDocument } from './agreement-document';
import { agreementFonts, memoizedFontkit } from './fonts';
import { clean } from './format';
import { Layout } from './layout';
import { deflateContentStreams, useNativeDeflate } from './native-deflate';
import { RenderKind, agreementKeywords, documentDate, documentId } from './metadata';
import { addSignaturePlaceholder } from './placeholder';
import { writeAgreementBody, writeAuditPage, writeSignaturePage } from './sections';
import { textsFor } from './texts';

export const PDF_PRODUCER = 'dualroute agreement-pdf';

export interface RenderOptions {
  kind: RenderKind;
  /**
   * 'subset' (default) embeds only the glyphs used (~40 kB per PDF); 'full' embeds the whole
   * TTF (~400 kB compressed, and a deflate of 760 kB per document). See bench/pdf.ts.
   */
  fontEmbedding?: 'subset' | 'full';
  /** Overrides the document date (default: the last signature or event, see metadata.ts). */
  date?: Date;
  /**
   * Kind 'signed' only: bytes reserved for the seal's CMS in the signature placeholder. Pass
   * `sealer.contentsBytes`; the default (8 KB) fits a signer certificate with a short CA chain.
   */
  sealContentsBytes?: number;
}

export async function renderAgreementPdf(
  doc: AgreementDocument,
  options: RenderOptions,
): Promise<Uint8Array> {
  const kind: RenderKind = options.kind === 'signed' ? 'signed' : 'preview';
  const t = textsFor(doc.language);
  const fonts = agreementFonts();
  const subset = options.fontEmbedding !== 'full';

  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(memoizedFontkit);
  useNativeDeflate(pdf);
  const regular = await pdf.embedFont(fonts.regular.bytes, { subset });
  const bold = await pdf.embedFont(fonts.bold.bytes, { subset });

  const layout = new Layout(
    pdf,
    { pdf: regular, metrics: fonts.regular },
    { pdf: bold, metrics: fonts.bold },
  );
  writeAgreementBody(layout, doc, t);
  writeSignaturePage(layout, doc, t);
  writeAuditPage(layout, doc, t);

  const hash = clean(doc.contentHash);
  const reference = clean(doc.verificationReference);
  layout.finish(
    (page, count) => [
      `${t.footer.hash}: ${hash}`,
      `${t.footer.agreement(clean(doc.agreementId), doc.version)} · ${t.footer.page(page, count)}`,
      `${t.footer.verify}: ${reference}`,
    ],
    kind === 'preview' ? t.watermark : undefined,
  );

  const date = options.date ?? documentDate(doc);
  pdf.setTitle(`${t.title} – ${clean(doc.agreementId)} v${doc.version}`);
  pdf.setSubject(t.metadataSubject(clean(doc.programme.name), doc.cohort));
  pdf.setKeywords(agreementKeywords(doc, kind));
  pdf.setLanguage(doc.language === 'en' ? 'en' : 'nl');
  pdf.setProducer(PDF_PRODUCER);
  pdf.setCreator(PDF_PRODUCER);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  const id = PDFHexString.of(documentId(doc, kind));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  if (kind === 'signed') addSignaturePlaceholder(pdf, { contentsBytes: options.sealContentsBytes });

  await deflateContentStreams(pdf);
  // No object streams: the signature dictionary must be a plain indirect object that sealPdf
  // can find and fill in the saved bytes (see placeholder.ts).
  return pdf.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
}
