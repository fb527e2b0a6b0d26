import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSignaturePlaceholder } from './placeholder';
import { renderAgreementPdf } from './render';
import { renderAndSeal, sealPdf } from './seal';
import type { Sealer } from './sealer';
import { developmentSealer, newDevelopmentSealer } from './testing/dev-sealer';
import {
  SAMPLE_AGREEMENT_ID,
  SAMPLE_CONTENT_HASH,
  sampleDocument,
} from './testing/sample-document';
import { verifySealedPdf } from './verify';

const signingTime = new Date('2026-06-03T15:30:59Z');

function flipped(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[at] ^= 0x01;
  return copy;
}

function expectInvalid(pdf: Uint8Array, problem?: RegExp): void {
  const result = verifySealedPdf(pdf);
  expect(result.valid).toBe(false);
  expect(result.problems.length).toBeGreaterThan(0);
  if (problem) expect(result.problems.join('\n')).toMatch(problem);
}

describe('verifySealedPdf', () => {
  let sealer: Sealer;
  let sealed: Buffer;
  let gap: { start: number; end: number };

  beforeAll(async () => {
    sealer = developmentSealer();
    const unsealed = await renderAgreementPdf(sampleDocument(), {
      kind: 'signed',
      sealContentsBytes: sealer.contentsBytes,
    });
    gap = findSignaturePlaceholder(unsealed)!.contents;
    sealed = sealPdf(unsealed, sealer, { signingTime });
  });

  it('accepts a sealed PDF and tells what it is, when and by whom it was sealed', () => {
    const result = verifySealedPdf(sealed);
    expect(result).toEqual({
      valid: true,
      problems: [],
      identity: {
        agreementId: SAMPLE_AGREEMENT_ID,
        version: 2,
        contentHash: SAMPLE_CONTENT_HASH,
        kind: 'signed',
      },
      signingTime,
      signerName: 'Dualroute test seal',
      certificateFingerprint: sealer.certificateFingerprint,
      byteRange: [0, gap.start, gap.end, sealed.length - gap.end],
    });
  });

  it('accepts a sealed PDF in an English rendering too', async () => {
    const pdf = await renderAndSeal(sampleDocument({ language: 'en', version: 7 }), sealer, {
      signingTime,
    });
    const result = verifySealedPdf(pdf);
    expect(result.valid).toBe(true);
    expect(result.identity?.version).toBe(7);
  });

  it('rejects a change of one byte at the start, in the signed ranges, in /Contents and at the end', () => {
    const hex = sealed.toString('latin1', gap.start + 1, gap.end - 1);
    const cmsEnd = gap.start + 1 + hex.replace(/(00)+$/, '').length;
    const messageDigestOid = gap.start + 1 + hex.indexOf('06092a864886f70d010904');
    const positions = {
      'first byte': 0,
      'header comment': 10,
      'middle of the first range': Math.floor(gap.start / 2),
      'byte range numbers': sealed.indexOf('/ByteRange') + 14,
      'opening <': gap.start,
      'first hex digit': gap.start + 1,
      'CMS certificate': gap.start + 400,
      'CMS message-digest attribute': messageDigestOid + 30,
      'CMS signature value': cmsEnd - 100,
      'first byte of zero padding': cmsEnd,
      'last byte of zero padding': gap.end - 2,
      'closing >': gap.end - 1,
      '/M entry': sealed.indexOf('/M (D:') + 8,
      'middle of the second range': gap.end + Math.floor((sealed.length - gap.end) / 2),
      'trailer /Info': sealed.lastIndexOf('/Info') + 7,
      'last byte': sealed.length - 1,
    };
    for (const [where, at] of Object.entries(positions)) {
      const result = verifySealedPdf(flipped(sealed, at));
      expect({ where, valid: result.valid }).toEqual({ where, valid: false });
      expect(result.problems.length).toBeGreaterThan(0);
    }
  });

  it('rejects a changed signature value and a changed unsigned CMS field', () => {
    const hex = sealed.toString('latin1', gap.start + 1, gap.end - 1);
    const cmsEnd = gap.start + 1 + hex.replace(/(00)+$/, '').length;
    const withHexDigit = (at: number) => {
      const copy = Buffer.from(sealed);
      copy.write(copy[at] === 0x37 ? '8' : '7', at, 'latin1');
      return copy;
    };
    expectInvalid(withHexDigit(cmsEnd - 100), /does not verify with the signer certificate/);
    // SignedData's version (hex 50-51 of the DER) is outside what the signature covers.
    expect(hex.slice(50, 52)).toBe('01');
    expectInvalid(withHexDigit(gap.start + 1 + 51), /not encoded as this platform encodes seals/);
  });

  it('rejects a change of one byte anywhere in the file (sampled every 101 bytes)', () => {
    const accepted: number[] = [];
    for (let at = 0; at < sealed.length; at += 101) {
      if (verifySealedPdf(flipped(sealed, at)).valid) accepted.push(at);
    }
    expect(accepted).toEqual([]);
  });

  it('rejects bytes appended after the sealed range', () => {
    expectInvalid(Buffer.concat([sealed, Buffer.from('\n')]), /added after the sealed part/);
    expectInvalid(Buffer.concat([sealed, Buffer.from('%%EOF\n')]), /added after the sealed part/);
    const update =
      '1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 2 >>\n%%EOF\n';
    expectInvalid(Buffer.concat([sealed, Buffer.from(update)]), /added after the sealed part/);
  });

  it('rejects a truncated file', () => {
    expectInvalid(sealed.subarray(0, sealed.length - 1), /shorter than the sealed byte range/);
    expectInvalid(sealed.subarray(0, Math.floor(sealed.length / 2)));
    expectInvalid(sealed.subarray(0, gap.start + 100));
  });

  it('rejects the seal of one document pasted into another', async () => {
    const other = await renderAgreementPdf(
      sampleDocument({ verificationReference: 'https://duaal.example.nl/verify · ref ZZZZ-ZZZZ' }),
      {
        kind: 'signed',
        sealContentsBytes: sealer.contentsBytes,
      },
    );
    const otherSealed = sealPdf(other, sealer, { signingTime });
    const otherGap = findSignaturePlaceholder(other)!.contents;
    expect(otherGap.end - otherGap.start).toBe(gap.end - gap.start);
    const forged = Buffer.concat([
      otherSealed.subarray(0, otherGap.start),
      sealed.subarray(gap.start, gap.end),
      otherSealed.subarray(otherGap.end),
    ]);
    expectInvalid(forged, /changed after it was sealed/);
  });

  it('rejects a file with a second /ByteRange', () => {
    const at = sealed.indexOf('/Name (') - 20; // inside the whitespace of the signature dictionary
    const forged = Buffer.from(sealed);
    forged.write('/ByteRange', at, 'latin1');
    expectInvalid(forged, /more than one signature/);
  });

  it('rejects an unsealed PDF and a PDF without a signature', async () => {
    expectInvalid(await renderAgreementPdf(sampleDocument(), { kind: 'signed' }), /never sealed/);
    expectInvalid(await renderAgreementPdf(sampleDocument(), { kind: 'preview' }), /no signature/);
  });

  it('returns problems instead of throwing for garbage', () => {
    const inputs: unknown[] = [
      Buffer.alloc(0),
      new Uint8Array(0),
      randomBytes(5000),
      Buffer.from('Hello, this is not a PDF'),
      Buffer.from('%PDF-1.7\n'),
      Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 30]\n/Contents <zz>'),
      Buffer.from('%PDF-1.7\n/Contents <3082>/ByteRange [0 17 23 0]'),
      Buffer.concat([Buffer.from('%PDF-'), randomBytes(20000)]),
      null,
      undefined,
      'a string',
    ];
    for (const input of inputs) {
      const result = verifySealedPdf(input as Uint8Array);
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    }
    expect(verifySealedPdf(Buffer.from('Hello')).problems).toEqual(['The file is not a PDF.']);
  });

  it('checks the signer against trusted certificates when given', () => {
    expect(verifySealedPdf(sealed, { trustedCertificates: [sealer.certificateDer] }).valid).toBe(
      true,
    );
    const stranger = newDevelopmentSealer('Someone else');
    const result = verifySealedPdf(sealed, { trustedCertificates: [stranger.certificateDer] });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(['The seal was not made with a trusted certificate.']);
    expect(verifySealedPdf(sealed, { trustedCertificates: [] }).valid).toBe(false);
  });

  it('takes the signing time from /M and requires it there', () => {
    // Re-sealed with the /M line blanked out: a correct CMS over a dictionary without a time.
    const withoutM = Buffer.from(sealed);
    const m = withoutM.indexOf('/M (D:');
    withoutM.fill(' ', m, withoutM.indexOf('\n', m));
    withoutM.fill('0', gap.start + 1, gap.end - 1);
    const digest = createHash('sha256')
      .update(withoutM.subarray(0, gap.start))
      .update(withoutM.subarray(gap.end))
      .digest();
    withoutM.write(sealer.signDigest(digest).toString('hex'), gap.start + 1, 'latin1');
    expectInvalid(withoutM, /no valid signing time \(\/M\)/);
  });

  it('still accepts a seal made before PAdES baseline, with a signing-time attribute equal to /M', () => {
    const legacy = readFileSync(join(__dirname, 'testing/fixtures/sealed-with-signing-time.pdf'));
    expect(legacy.toString('latin1')).toContain('/M (D:20260302101112Z)');
    const result = verifySealedPdf(legacy);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      valid: true,
      signingTime: new Date('2026-03-02T10:11:12Z'),
      signerName: 'Dualroute legacy seal',
    });
    const changed = Buffer.from(legacy);
    changed[legacy.indexOf('/M (D:') + 8] ^= 0x01;
    expect(verifySealedPdf(changed).valid).toBe(false);
  });

  it('tells another sealer by its fingerprint', async () => {
    const stranger = newDevelopmentSealer('Someone else');
    const pdf = await renderAndSeal(sampleDocument(), stranger, { signingTime });
    const result = verifySealedPdf(pdf);
    expect(result.valid).toBe(true);
    expect(result.signerName).toBe('Someone else');
    expect(result.certificateFingerprint).toBe(stranger.certificateFingerprint);
    expect(result.certificateFingerprint).not.toBe(sealer.certificateFingerprint);
  });
});
