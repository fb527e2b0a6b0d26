/**
 * `npm run bench:pdf`: sealed agreement PDFs per second in one worker process (single-threaded,
 * strictly sequential), next to "the way most projects do it" in the same run, and their ratio.
 *
 *  - ours: `renderAgreementPdf` (fonts parsed once per process, subset embedding, placeholder
 *    written by the renderer) + `sealPdf` with a `Sealer` whose P12 was read once (CMS with
 *    Node's native crypto).
 *  - reference: per document `PDFDocument.create()` + `registerFontkit(@pdf-lib/fontkit)`, the
 *    DejaVu TTFs embedded in full (`embedFont(bytes)`, fontkit parses both fonts again for every
 *    document and shapes every string), the same content drawn by the same layout code,
 *    `@signpdf/placeholder-pdf-lib`, then `@signpdf/signpdf` with a `P12Signer` (node-forge)
 *    constructed per document (it parses and decrypts the P12 on every signature).
 *
 * Order: ours (warm-up, then `--seconds`), then the memory check on ours (`--docs` documents,
 * RSS and heap after a GC at the start, every quarter and at the end; it starts from the warm
 * worker, since V8 sizes its young generation during the first few hundred documents, and it
 * runs before the reference so that path's garbage cannot hide growth), then the reference
 * (warm-up, then `--seconds`).
 * Every document differs a little (agreement id, version, content hash, a name) so nothing is
 * cached across documents by accident, with the same amount of work each time.
 * The first and last document of each timed run are checked: ours with `verifySealedPdf` (trusted
 * certificate, identity = the document rendered); the reference parsed back with pdf-lib and its
 * CMS checked (message digest of the byte ranges, signature over the signed attributes).
 *
 * Targets (issue): >= 25 sealed PDFs/s on one core, >= 5x the reference, RSS flat over 2,000
 * documents (here: RSS at the end at most 25% above the start). Options: --seconds N (10), --docs N (2000),
 * --warmup N (20). The exit code is 1 when a target is missed or an output does not verify.
 */
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { createHash, verify as cryptoVerify } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import {
  AgreementDocument,
  PDF_PRODUCER,
  Sealer,
  createSealer,
  generateDevelopmentP12,
  renderAgreementPdf,
  sealPdf,
  verifySealedPdf,
} from '@app/agreement-pdf';
// Internals, for the reference renderer (same layout code) and the reference output check.
import {
  OID,
  attributesToSign,
  certificateInfo,
  parseCms,
  readOctetString,
} from '@app/agreement-pdf/cms';
import { readNode } from '@app/agreement-pdf/der';
import { LoadedFont, agreementFonts } from '@app/agreement-pdf/fonts';
import { clean } from '@app/agreement-pdf/format';
import { Layout } from '@app/agreement-pdf/layout';
import { agreementKeywords, documentDate, documentId } from '@app/agreement-pdf/metadata';
import {
  writeAgreementBody,
  writeAuditPage,
  writeSignaturePage,
} from '@app/agreement-pdf/sections';
import { sampleDocument } from '@app/agreement-pdf/testing/sample-document';
import { textsFor } from '@app/agreement-pdf/texts';

const TARGET_RATE = 25;
const TARGET_RATIO = 5;
const MAX_RSS_GROWTH = 0.25;
const PASSPHRASE = 'bench-pdf-passphrase';
const SEAL_TEXT = { reason: 'Tripartite agreement sealed by the platform', location: 'Breda, NL' };

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[`BENCH_${name.toUpperCase()}`];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
}

const SECONDS = option('seconds', 10);
const DOCS = Math.round(option('docs', 2000));
const WARMUP = Math.round(option('warmup', 20));

/** `global.gc` when node runs with --expose-gc, otherwise exposed here (V8 flag + a new context). */
const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

// ---------------------------------------------------------------------------------------------
// Input

const BASE = sampleDocument();
const FIRST_NAMES = ['Zoë Çelik', 'Anaïs Dubois', 'Łukasz Nowak', 'Đorđe Šťastný', 'Inès Yılmaz'];

/** Document `i`: the sample with another id, version, content hash and student name. */
function documentFor(i: number): AgreementDocument {
  const suffix = i.toString(16).padStart(12, '0');
  const contentHash = createHash('sha256').update(`bench ${i}`).digest('hex');
  const student = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${String(i % 1000).padStart(3, '0')}`;
  return {
    ...BASE,
    agreementId: `3f6c2a8e-5b1d-4c7e-9a2f-${suffix}`,
    version: 1 + (i % 9),
    contentHash,
    parties: BASE.parties.map((p) => (p.role === 'student' ? { ...p, name: student } : p)),
    signatures: BASE.signatures.map((s) =>
      s.party === 'student' ? { ...s, signerName: student, contentHash } : { ...s, contentHash },
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// The two paths

interface Path {
  label: string;
  seal(doc: AgreementDocument): Promise<Buffer>;
  check(pdf: Buffer, doc: AgreementDocument): Promise<string | null>;
}

function ours(sealer: Sealer): Path {
  return {
    label: 'ours (agreement-pdf)',
    async seal(doc) {
      const signingTime = new Date();
      const pdf = await renderAgreementPdf(doc, {
        kind: 'signed',
        sealContentsBytes: sealer.contentsBytes,
      });
      return sealPdf(pdf, sealer, { signingTime, ...SEAL_TEXT });
    },
    async check(pdf, doc) {
      const result = verifySealedPdf(pdf, { trustedCertificates: [sealer.certificateDer] });
      if (!result.valid) return `verifySealedPdf: ${result.problems.join('; ')}`;
      const identity = result.identity;
      if (identity?.agreementId !== doc.agreementId || identity.version !== doc.version)
        return 'the verified identity is not the document rendered';
      return null;
    },
  };
}

/**
 * What a typical project writes: nothing kept between documents except the file bytes read at
 * start-up. Drawing goes through the library's Layout and sections, so the content, wrapping and
 * page breaks are the same as ours; only the font handling and the signing differ.
 */
function reference(p12: Buffer, fontBytes: { regular: Uint8Array; bold: Uint8Array }): Path {
  return {
    label: 'reference (pdf-lib + @signpdf)',
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
      const regular = await pdf.embedFont(fontBytes.regular);
      const bold = await pdf.embedFont(fontBytes.bold);
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

      pdflibAddPlaceholder({
        pdfDoc: pdf,
        ...SEAL_TEXT,
        contactInfo: 'bench@dualroute.local',
        name: 'DualRoute Bench Seal',
        signingTime,
      });
      const bytes = await pdf.save({ useObjectStreams: false, addDefaultPage: false });
      const signer = new P12Signer(p12, { passphrase: PASSPHRASE });
      return new SignPdf().sign(Buffer.from(bytes), signer, signingTime);
    },
    async check(pdf, doc) {
      const parsed = await PDFDocument.load(pdf, { updateMetadata: false });
      const pages = parsed.getPageCount();
      if (pages < 3) return `pdf-lib reads ${pages} page(s)`;
      if (!parsed.getKeywords()?.includes(`agreement:${doc.agreementId}`))
        return 'the keywords do not name the agreement';
      return checkDetachedSignature(pdf);
    },
  };
}

/**
 * The reference output's signature, checked independently of @signpdf: the CMS digests the
 * signed byte ranges and its signed attributes verify with the embedded certificate.
 */
function checkDetachedSignature(pdf: Buffer): string | null {
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

// ---------------------------------------------------------------------------------------------
// Measuring

interface Run {
  label: string;
  documents: number;
  seconds: number;
  rate: number;
  averageBytes: number;
  problems: string[];
}

/** Seals documents one after another until `seconds` have passed; checks the first and last. */
async function timed(path: Path, seconds: number, firstIndex: number): Promise<Run> {
  let documents = 0;
  let bytes = 0;
  let first: [Buffer, AgreementDocument] | undefined;
  let last: [Buffer, AgreementDocument] | undefined;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let now = start;
  while (now < deadline) {
    const doc = documentFor(firstIndex + documents);
    const pdf = await path.seal(doc);
    documents++;
    bytes += pdf.length;
    if (!first) first = [pdf, doc];
    else last = [pdf, doc];
    now = performance.now();
  }
  const elapsed = (now - start) / 1000;
  const problems: string[] = [];
  for (const [what, sample] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (!sample) continue;
    const problem = await path.check(...sample).catch((e: Error) => e.message);
    if (problem) problems.push(`${path.label}, ${what} document: ${problem}`);
  }
  return {
    label: path.label,
    documents,
    seconds: elapsed,
    rate: documents / elapsed,
    averageBytes: bytes / documents,
    problems,
  };
}

async function warmUp(path: Path, count: number, firstIndex: number): Promise<void> {
  for (let i = 0; i < count; i++) await path.seal(documentFor(firstIndex + i));
}

interface MemorySample {
  documents: number;
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  externalMb: number;
}

function memory(documents: number): MemorySample {
  collectGarbage();
  const m = process.memoryUsage();
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    documents,
    rssMb: mb(m.rss),
    heapMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
  };
}

/** Seals `count` documents with `path`, sampling RSS (after a GC) five times along the way. */
async function memoryRun(path: Path, count: number, firstIndex: number) {
  const samples = [memory(0)];
  const every = Math.max(1, Math.ceil(count / 4));
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    await path.seal(documentFor(firstIndex + i));
    if ((i + 1) % every === 0 || i + 1 === count) samples.push(memory(i + 1));
  }
  return { samples, seconds: (performance.now() - start) / 1000 };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const atStart = memory(0);
  const { p12 } = generateDevelopmentP12({
    commonName: 'DualRoute Bench Seal',
    organisation: 'DualRoute',
    passphrase: PASSPHRASE,
  });
  const sealer = createSealer({ p12, passphrase: PASSPHRASE });
  const fonts = agreementFonts();
  // The reference reads the files once at start-up, as a typical service would; own copies so
  // nothing is shared with our font cache.
  const fontBytes = {
    regular: new Uint8Array(fonts.regular.bytes),
    bold: new Uint8Array(fonts.bold.bytes),
  };
  const oursPath = ours(sealer);
  const referencePath = reference(p12, fontBytes);

  console.log(
    `node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? '?'}); ` +
      'one process, one document at a time',
  );
  console.log(
    `${SECONDS} s per path after ${WARMUP} warm-up documents; memory over ${DOCS} documents\n`,
  );

  await warmUp(oursPath, WARMUP, 1_000_000);
  const oursRun = await timed(oursPath, SECONDS, 2_000_000);
  const memoryResult = await memoryRun(oursPath, DOCS, 3_000_000);
  await warmUp(referencePath, WARMUP, 4_000_000);
  const referenceRun = await timed(referencePath, SECONDS, 5_000_000);

  const widths = [32, 10, 9, 9, 12];
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
  console.log(row(['', 'documents', 'seconds', 'PDFs/s', 'avg size kB']));
  for (const r of [oursRun, referenceRun]) {
    console.log(
      row([
        r.label,
        String(r.documents),
        r.seconds.toFixed(2),
        r.rate.toFixed(1),
        (r.averageBytes / 1024).toFixed(1),
      ]),
    );
  }
  const ratio = oursRun.rate / referenceRun.rate;
  console.log(`ratio ours / reference: ${ratio.toFixed(1)}x\n`);

  const { samples } = memoryResult;
  const baseline = samples[0];
  const end = samples[samples.length - 1];
  const peak = Math.max(...samples.map((s) => s.rssMb));
  console.log(
    `memory (ours, ${DOCS} documents in ${memoryResult.seconds.toFixed(1)} s, ` +
      `${(DOCS / memoryResult.seconds).toFixed(1)}/s; RSS after a GC):`,
  );
  const line = (what: string, m: MemorySample) =>
    console.log(
      `  ${what.padEnd(22)} RSS ${m.rssMb.toFixed(1).padStart(6)} MB, heap used ` +
        `${m.heapMb.toFixed(1).padStart(5)} MB (of ${m.heapTotalMb.toFixed(1)}), ` +
        `external ${m.externalMb.toFixed(1)} MB`,
    );
  line('process start:', atStart);
  for (const s of samples) line(`after ${s.documents} documents:`, s);
  const growth = end.rssMb / baseline.rssMb - 1;
  console.log(
    `  RSS start ${baseline.rssMb.toFixed(1)} MB -> end ${end.rssMb.toFixed(1)} MB ` +
      `(${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%, peak ${peak.toFixed(1)} MB); ` +
      `heap ${baseline.heapMb.toFixed(1)} -> ${end.heapMb.toFixed(1)} MB\n`,
  );

  const problems = [...oursRun.problems, ...referenceRun.problems];
  const checks: [string, boolean][] = [
    [
      `ours ${oursRun.rate.toFixed(1)} sealed PDFs/s (target >= ${TARGET_RATE})`,
      oursRun.rate >= TARGET_RATE,
    ],
    [`ratio ${ratio.toFixed(1)}x (target >= ${TARGET_RATIO}x)`, ratio >= TARGET_RATIO],
    [
      `RSS growth over ${DOCS} documents ${(growth * 100).toFixed(1)}% (target <= ${MAX_RSS_GROWTH * 100}%)`,
      growth <= MAX_RSS_GROWTH,
    ],
    [
      `sample outputs verify (${problems.length ? problems.join(' | ') : 'all valid'})`,
      problems.length === 0,
    ],
  ];
  for (const [text, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${text}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
