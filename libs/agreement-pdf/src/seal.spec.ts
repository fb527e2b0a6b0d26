import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { OID, parseCms } from './cms';
import { SealError } from './errors';
import { readLiteralEntry } from './pdf-syntax';
import { findSignaturePlaceholder } from './placeholder';
import { renderAgreementPdf } from './render';
import { renderAndSeal, sealAnyPdf, sealPdf } from './seal';
import { Sealer, createSealer } from './sealer';
import { developmentSealer } from './testing/dev-sealer';
import { pdfPageCount, pdfSig, pdfText } from './testing/poppler';
import {
  SAMPLE_CONTENT_HASH,
  sampleDocument,
  samplePendingDocument,
} from './testing/sample-document';
import { verifySealedPdf } from './verify';

const signingTime = new Date('2026-06-03T15:30:59Z');

function expectPdfsigValid(pdf: Uint8Array, signerName = 'Dualroute test seal'): string {
  const report = pdfSig(pdf);
  expect(report).toContain('Signature Validation: Signature is Valid.');
  expect(report).toContain('Signature Type: ETSI.CAdES.detached');
  expect(report).toContain('Signing Hash Algorithm: SHA-256');
  expect(report).toContain('Total document signed');
  expect(report).toContain(`Signer Certificate Common Name: ${signerName}`);
  expect(report.match(/Signature #/g)).toHaveLength(1);
  return report;
}

describe('sealPdf', () => {
  let sealer: Sealer;
  let unsealed: Uint8Array;
  let sealed: Buffer;

  beforeAll(async () => {
    sealer = developmentSealer();
    unsealed = await renderAgreementPdf(sampleDocument(), {
      kind: 'signed',
      sealContentsBytes: sealer.contentsBytes,
    });
    sealed = sealPdf(unsealed, sealer, {
      signingTime,
      reason: 'Vastgesteld door alle partijen – Zoë',
      location: 'Breda',
    });
  });

  it('makes a signature poppler accepts as valid, ETSI.CAdES.detached with SHA-256', () => {
    const report = expectPdfsigValid(sealed);
    expect(report).toContain('Signing Time: Jun 03 2026 15:30:59');
    expect(report).toContain('Signature Field Name: Seal');
  });

  it('makes a CMS that OpenSSL verifies over the signed byte ranges', () => {
    const placeholder = findSignaturePlaceholder(unsealed)!;
    const [start, end] = [placeholder.contents.start, placeholder.contents.end];
    const dir = mkdtempSync(join(tmpdir(), 'agreement-pdf-openssl-'));
    try {
      const cms = Buffer.from(
        sealed.toString('latin1', start + 1, end - 1).replace(/(00)+$/, ''),
        'hex',
      );
      writeFileSync(join(dir, 'seal.der'), cms);
      writeFileSync(
        join(dir, 'content.bin'),
        Buffer.concat([sealed.subarray(0, start), sealed.subarray(end)]),
      );
      // -noverify: the development certificate is self-signed; the signature itself is checked.
      const out = execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-noverify',
          '-in',
          'seal.der',
          '-content',
          'content.bin',
          '-out',
          'out.bin',
        ],
        { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(out).toBe('');
      expect(
        readFileSync(join(dir, 'out.bin')).equals(readFileSync(join(dir, 'content.bin'))),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is PAdES baseline: the claimed time is /M in the signed dictionary, the CMS has no signing-time', () => {
    const p = findSignaturePlaceholder(unsealed)!;
    const hex = sealed.toString('latin1', p.contents.start + 1, p.contents.end - 1);
    const cms = parseCms(Buffer.from(hex.replace(/(00)+$/, ''), 'hex'));
    expect([...cms.attributes.keys()].sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(cms.attributes.has(OID.signingTime)).toBe(false);
    // /M sits in the same dictionary as /ByteRange, after /Contents: inside the signed bytes.
    const dictionaryStart = sealed.lastIndexOf('<<', p.byteRange.start);
    const dictionaryEnd = sealed.indexOf('>>', p.info.start);
    const dictionary = sealed.toString('latin1', p.contents.end, dictionaryEnd);
    expect(dictionaryStart).toBeLessThan(p.byteRange.start);
    expect(dictionary).toMatch(/^\n\/M \(D:\d{14}\+00'00'\)\n/);
    expect(readLiteralEntry(dictionary, 'M')).toBe("D:20260603153059+00'00'");
    // pdfsig, with no signing-time attribute to read, reports the time from /M.
    expect(pdfSig(sealed)).toContain('Signing Time: Jun 03 2026 15:30:59');
  });

  it('changes only the placeholder: same length, same text, input left alone', () => {
    expect(sealed.length).toBe(unsealed.length);
    expect(findSignaturePlaceholder(unsealed)).toBeDefined();
    expect(pdfPageCount(sealed)).toBe(pdfPageCount(unsealed));
    expect(pdfText(sealed)).toBe(pdfText(unsealed));
    const p = findSignaturePlaceholder(unsealed)!;
    expect(
      sealed
        .subarray(0, p.byteRange.start)
        .equals(Buffer.from(unsealed).subarray(0, p.byteRange.start)),
    ).toBe(true);
    expect(sealed.subarray(p.info.end).equals(Buffer.from(unsealed).subarray(p.info.end))).toBe(
      true,
    );
  });

  it('writes /M, /Name, /Reason and /Location into the signature dictionary', () => {
    const text = sealed.toString('latin1');
    expect(text).toContain("/M (D:20260603153059+00'00')");
    expect(text).toContain('/Name (Dualroute test seal)');
    expect(text).toContain('/Location (Breda)');
    const reason = /\/Reason <FEFF([0-9A-F]+)>/.exec(text);
    expect(Buffer.from(reason![1], 'hex').swap16().toString('utf16le')).toBe(
      'Vastgesteld door alle partijen – Zoë',
    );
  });

  it('is deterministic: same PDF, time and key give the same bytes', () => {
    const again = sealPdf(unsealed, sealer, {
      signingTime,
      reason: 'Vastgesteld door alle partijen – Zoë',
      location: 'Breda',
    });
    expect(again.equals(sealed)).toBe(true);
    const later = sealPdf(unsealed, sealer, { signingTime: new Date('2026-06-04T00:00:00Z') });
    expect(later.equals(sealed)).toBe(false);
  });

  it('renderAndSeal renders a placeholder sized for the sealer and seals it', async () => {
    const pdf = await renderAndSeal(sampleDocument(), sealer, { signingTime });
    expectPdfsigValid(pdf);
    expect(pdf.equals(sealPdf(unsealed, sealer, { signingTime }))).toBe(true);
    const result = verifySealedPdf(pdf);
    expect(result.problems).toEqual([]);
    expect(result.identity?.contentHash).toBe(SAMPLE_CONTENT_HASH);
  });

  it('refuses a PDF without a placeholder, an already sealed PDF and a placeholder too small', async () => {
    const preview = await renderAgreementPdf(samplePendingDocument(), { kind: 'preview' });
    expect(() => sealPdf(preview, sealer, { signingTime })).toThrow(
      /no signature placeholder.*sealAnyPdf/,
    );
    expect(() => sealPdf(sealed, sealer, { signingTime })).toThrow(/already signed/);
    const small = await renderAgreementPdf(sampleDocument(), {
      kind: 'signed',
      sealContentsBytes: 512,
    });
    expect(() => sealPdf(small, sealer, { signingTime })).toThrow(
      /does not fit the 512 bytes of the placeholder/,
    );
    expect(() => sealPdf(unsealed, sealer, { signingTime, reason: 'x'.repeat(201) })).toThrow(
      SealError,
    );
    expect(() => sealPdf(unsealed, sealer, { signingTime: new Date(Number.NaN) })).toThrow(
      SealError,
    );
  });
});

describe('sealAnyPdf (slow path)', () => {
  let sealer: Sealer;

  beforeAll(() => {
    sealer = developmentSealer();
  });

  it('seals a PDF without a placeholder, also one saved with object streams', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Een PDF van elders', { x: 50, y: 700, size: 14, font });
    doc.addPage().drawText('Tweede pagina', { x: 50, y: 700, size: 14, font });
    const foreign = await doc.save(); // object streams and an xref stream
    const sealed = await sealAnyPdf(foreign, sealer, { signingTime });
    expectPdfsigValid(sealed);
    expect(pdfText(sealed)).toContain('Tweede pagina');
    const result = verifySealedPdf(sealed);
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.identity).toBeUndefined();
  });

  it('seals a preview (no placeholder) and keeps its identity', async () => {
    const preview = await renderAgreementPdf(samplePendingDocument('en'), { kind: 'preview' });
    const sealed = await sealAnyPdf(preview, sealer, { signingTime, reason: 'Preview copy' });
    expectPdfsigValid(sealed);
    const result = verifySealedPdf(sealed);
    expect(result.valid).toBe(true);
    expect(result.identity).toMatchObject({
      version: 2,
      contentHash: SAMPLE_CONTENT_HASH,
      kind: 'preview',
    });
    expect(await sealAnyPdf(preview, sealer, { signingTime, reason: 'Preview copy' })).toEqual(
      sealed,
    );
  });

  it('resizes a placeholder that is too small instead of adding a second one', async () => {
    const small = await renderAgreementPdf(sampleDocument(), {
      kind: 'signed',
      sealContentsBytes: 512,
    });
    const sealed = await sealAnyPdf(small, sealer, { signingTime });
    expectPdfsigValid(sealed);
    expect(verifySealedPdf(sealed).valid).toBe(true);
    expect(sealed.toString('latin1').match(/\/FT \/Sig/g)).toHaveLength(1);
  });

  it('takes the fast path when the placeholder fits', async () => {
    const unsealed = await renderAgreementPdf(sampleDocument(), {
      kind: 'signed',
      sealContentsBytes: sealer.contentsBytes,
    });
    expect(
      (await sealAnyPdf(unsealed, sealer, { signingTime })).equals(
        sealPdf(unsealed, sealer, { signingTime }),
      ),
    ).toBe(true);
  });

  it('refuses to rewrite a signed PDF, and garbage', async () => {
    const sealed = await renderAndSeal(sampleDocument(), sealer, { signingTime });
    await expect(sealAnyPdf(sealed, sealer, { signingTime })).rejects.toThrow(/already signed/);
    await expect(
      sealAnyPdf(Buffer.from('not a pdf at all'), sealer, { signingTime }),
    ).rejects.toThrow(SealError);
  });
});

describe('sealing with an ECDSA P-256 key', () => {
  it('makes a seal that poppler and our verifier accept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agreement-pdf-ec-'));
    let sealer: Sealer;
    try {
      const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
      run(
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          'key.pem',
        ].concat([
          '-out',
          'cert.pem',
          '-subj',
          '/CN=Dualroute EC seal',
          '-days',
          '3650',
          '-set_serial',
          '4242',
        ]),
      );
      run([
        'pkcs12',
        '-export',
        '-inkey',
        'key.pem',
        '-in',
        'cert.pem',
        '-out',
        'seal.p12',
        '-passout',
        'pass:ec-test',
      ]);
      sealer = createSealer({ p12: readFileSync(join(dir, 'seal.p12')), passphrase: 'ec-test' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pdf = await renderAndSeal(sampleDocument(), sealer, { signingTime });
    expectPdfsigValid(pdf, 'Dualroute EC seal');
    const result = verifySealedPdf(pdf, { trustedCertificates: [sealer.certificateDer] });
    expect(result.problems).toEqual([]);
    expect(result.certificateFingerprint).toBe(sealer.certificateFingerprint);
  });
});
