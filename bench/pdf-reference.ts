/**
 * The references of `npm run bench:pdf`: the same agreement drawn by the same layout code on
 * pdf-lib and sealed with @signpdf, in two ways.
 *
 *  - naive: what a project writes first. Per document `PDFDocument.create()` +
 *    `registerFontkit(@pdf-lib/fontkit)`, the DejaVu TTFs embedded in full (`embedFont(bytes)`),
 *    `@signpdf/placeholder-pdf-lib`, then `@signpdf/signpdf` with a `P12Signer` constructed per
 *    document. (P12Signer parses and decrypts the P12 with node-forge on every `sign()` anyway.)
 *  - tuned: the best use of the same stack. Fonts embedded as subsets (`embedFont(bytes,
 *    { subset: true })`: only the glyphs used, a fraction of the bytes to write and hash), and
 *    the P12 parsed and decrypted once at start-up (ParsedOnceP12Signer below, a P12Signer that
 *    keeps the key and certificates), still signing with node-forge's PKCS#7 through @signpdf.
 *
 * fontkit still parses both fonts for every document in both: pdf-lib offers no way to share a
 * parsed font between documents.
 */
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { AgreementDocument, PDF_PRODUCER } from '@app/agreement-pdf';
import { deflateContentStreams, useNativeDeflate } from '@app/agreement-pdf/native-deflate';
// Internals, for the reference renderer (same layout code) and the reference output check.
import {
  OID,
  attributesToSign,
  certificateInfo,
  parseCms,
  readOctetString,
} from '@app/agreement-pdf/cms';
import { readNode } from '@app/agreement-pdf/der';
import { LoadedFont } from '@app/agreement-pdf/fonts';
import { clean } from '@app/agreement-pdf/format';
import { Layout } from '@app/agreement-pdf/layout';
import { agreementKeywords, documentDate, documentId } from '@app/agreement-pdf/metadata';
import {
  writeAgreementBody,
  writeAuditPage,
  writeSignaturePage,
} from '@app/agreement-pdf/sections';
import { textsFor } from '@app/agreement-pdf/texts';

export const PASSPHRASE = 'bench-pdf-passphrase';
export const SEAL_TEXT = {
  reason: 'Tripartite agreement sealed by the platform',
  location: 'Breda, NL',
};

export interface Path {
  label: string;
  seal(doc: AgreementDocument): Promise<Buffer>;
  check(pdf: Buffer, doc: AgreementDocument): Promise<string | null>;
}

export interface ReferenceOptions {
  /** embedFont(bytes, { subset: true }) rather than the whole font. */
  subset: boolean;
  /** One signer for the process, with the P12 parsed once, rather than a P12Signer per document. */
  p12ParsedOnce: boolean;
  /**
   * Streams compressed with Node's zlib instead of pdf-lib's JavaScript deflate, as ours are
   * (libs/agreement-pdf/src/native-deflate.ts): not a pdf-lib option, so it is not part of the
   * tuned reference the target is set against; measured for information.
   */
  nativeDeflate?: boolean;
}

/**
 * A P12Signer that parses and decrypts the P12 once, in its constructor; `sign` is
 * P12Signer#sign (@signpdf/signer-p12 3.3) without the parsing: the same node-forge PKCS#7
 * detached signature with the same signed attributes.
 */
class ParsedOnceP12Signer extends P12Signer {
  private readonly key: forge.pki.rsa.PrivateKey;
  private readonly certificates: forge.pki.Certificate[];
  private readonly certificate: forge.pki.Certificate;

  constructor(p12: Buffer, passphrase: string) {
    super(p12, { passphrase });
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag];
    const keyBags = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag
    ];
    const key = keyBags?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key) throw new Error('the P12 holds no private key');
    this.key = key;
    this.certificates = (certBags ?? []).map((bag) => bag.cert as forge.pki.Certificate);
    const own = this.certificates.find((cert) => {
      const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
      return publicKey.n.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
    });
    if (!own) throw new Error('no certificate of the P12 matches its private key');
    this.certificate = own;
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of this.certificates) p7.addCertificate(cert);
    p7.addSigner({
      key: this.key,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        // forge's types want a string; it takes a Date, as P12Signer passes it.
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as never },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/**
 * The reference path. Nothing is kept between documents except the file bytes read at start-up
 * (and, tuned, the parsed P12). Drawing goes through the library's Layout and sections, so the
 * content, wrapping and page breaks are the same as ours; only fonts and signing differ.
 */
export function referencePath(
  label: string,
  p12: Buffer,
  fontBytes: { regular: Uint8Array; bold: Uint8Array },
  options: ReferenceOptions,
): Path {
  const sharedSigner = options.p12ParsedOnce ? new ParsedOnceP12Signer(p12, PASSPHRASE) : null;
  return {
    label,
    async seal(doc) {
      const signingTime = new Date();
      const t = textsFor(doc.language);
      const parsed: LoadedFont['parsed'][] = [];
      const pdf = await PDFDocument.create({ updateMetadata: false });
      // Plain fontkit: a fresh parse per embedFont; we only keep a handle on it for measuring.
      pdf.registerFontkit({
        create(buffer: Uint8Array, postscriptName?: string) {
          const font = fontkit.create(buffer, postscriptName);
          parsed.push(font);
          return font;
        },
      } as unknown as typeof fontkit);
      if (options.nativeDeflate) useNativeDeflate(pdf);
      const regular = await pdf.embedFont(fontBytes.regular, { subset: options.subset });
      const bold = await pdf.embedFont(fontBytes.bold, { subset: options.subset });
      const metrics = (bytes: Uint8Array, font: LoadedFont['parsed']): LoadedFont => ({
        bytes,
        parsed: font,
        advances: new Map(),
      });
      const layout = new Layout(
        pdf,
        { pdf: regular, metrics: metrics(fontBytes.regular, parsed[0]) },
        { pdf: bold, metrics: metrics(fontBytes.bold, parsed[1]) },
      );
      writeAgreementBody(layout, doc, t);
      writeSignaturePage(layout, doc, t);
      writeAuditPage(layout, doc, t);
      layout.finish((page, count) => [
        `${t.footer.hash}: ${clean(doc.contentHash)}`,
        `${t.footer.agreement(clean(doc.agreementId), doc.version)} · ${t.footer.page(page, count)}`,
        `${t.footer.verify}: ${clean(doc.verificationReference)}`,
      ]);
      const date = documentDate(doc);
      pdf.setTitle(`${t.title} – ${clean(doc.agreementId)} v${doc.version}`);
      pdf.setSubject(t.metadataSubject(clean(doc.programme.name), doc.cohort));
      pdf.setKeywords(agreementKeywords(doc, 'signed'));
      pdf.setLanguage(doc.language === 'en' ? 'en' : 'nl');
      pdf.setProducer(PDF_PRODUCER);
      pdf.setCreator(PDF_PRODUCER);
      pdf.setCreationDate(date);
      pdf.setModificationDate(date);
      const id = PDFHexString.of(documentId(doc, 'signed'));
      pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);

      if (options.nativeDeflate) await deflateContentStreams(pdf);
      pdflibAddPlaceholder({
        pdfDoc: pdf,
        ...SEAL_TEXT,
        contactInfo: 'bench@dualroute.local',
        name: 'DualRoute Bench Seal',
        signingTime,
      });
      const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false });
      const signer = sharedSigner ?? new P12Signer(p12, { passphrase: PASSPHRASE });
      return new SignPdf().sign(Buffer.from(bytes), signer, signingTime);
    },
    async check(pdf, doc) {
      const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
      const pages = loaded.getPageCount();
      if (pages < 3) return `pdf-lib reads ${pages} page(s)`;
      if (!loaded.getKeywords()?.includes(`agreement:${doc.agreementId}`))
        return 'the keywords do not name the agreement';
      return checkDetachedSignature(pdf);
    },
  };
}

/**
 * A reference output's signature, checked independently of @signpdf: the CMS digests the
 * signed byte ranges and its signed attributes verify with the embedded certificate.
 */
export function checkDetachedSignature(pdf: Buffer): string | null {
  const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!m) return 'no filled-in /ByteRange';
  const [gapStart, gapEnd, tail] = m.slice(1).map(Number);
  if (gapEnd + tail !== pdf.length) return 'the byte range does not end at the end of the file';
  const padded = Buffer.from(pdf.toString('latin1', gapStart + 1, gapEnd - 1), 'hex');
  const cms = parseCms(padded.subarray(0, readNode(padded, 0).end));
  const digest = createHash('sha256')
    .update(pdf.subarray(0, gapStart))
    .update(pdf.subarray(gapEnd))
    .digest();
  const messageDigest = cms.attributes.get(OID.messageDigest);
  if (!messageDigest || !readOctetString(messageDigest).equals(digest))
    return 'the CMS message digest is not the digest of the signed bytes';
  const signed = cms.certificates
    .map((der) => certificateInfo(der))
    .some((cert) =>
      cryptoVerify(
        'sha256',
        attributesToSign(cms.signedAttributesContent),
        cert.x509.publicKey,
        cms.signature,
      ),
    );
  return signed ? null : 'the CMS signature does not verify';
}
