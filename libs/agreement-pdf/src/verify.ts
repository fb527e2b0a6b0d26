/**
 * Verifies a PDF sealed by sealPdf: one signature, covering every byte of the file except its own
 * /Contents, whose CMS digests those bytes and is signed by the certificate it embeds. The CMS is
 * re-encoded from the parts checked and must equal the embedded bytes, so no byte anywhere in the
 * file can change unnoticed. Seals made by other software are out of scope and fail that check.
 *
 * Never throws: anything that is not a valid seal (garbage, a truncated file, a changed byte)
 * comes back as `valid: false` with the reasons.
 */
import { createHash, verify as cryptoVerify } from 'node:crypto';
import {
  CertificateInfo,
  KeyAlgorithm,
  OID,
  ParsedCms,
  attributesToSign,
  certificateInfo,
  contentInfo,
  essCertificateHash,
  parseCms,
  readOctetString,
  readOidValue,
  signedAttributesContent,
  signerTemplate,
} from './cms';
import { readNode, readRoot, readTime } from './der';
import { AgreementIdentity, parseAgreementKeywords } from './metadata';
import { parsePdfDate, readInfoKeywords, readLiteralEntry } from './pdf-syntax';
import { commonName } from './sealer';

type ByteRange = [number, number, number, number];

export interface VerifyOptions {
  /** DER certificates; when given, the seal must be made with one of them. */
  trustedCertificates?: Buffer[];
}

export interface VerifyResult {
  valid: boolean;
  /** Why the file is not valid; empty when it is. */
  problems: string[];
  /** What the file's Keywords say it is; only trustworthy when `valid`. */
  identity?: AgreementIdentity;
  signingTime?: Date;
  signerName?: string;
  /** SHA-256 of the signer certificate, lowercase hex. */
  certificateFingerprint?: string;
  byteRange?: ByteRange;
}

export function verifySealedPdf(pdf: Uint8Array, options: VerifyOptions = {}): VerifyResult {
  const result: VerifyResult = { valid: false, problems: [] };
  try {
    if (!(pdf instanceof Uint8Array)) {
      result.problems.push('The input is not a byte array.');
      return result;
    }
    const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    const completed = check(bytes, options, result);
    result.valid = completed && result.problems.length === 0;
  } catch (e) {
    result.problems.push(`The file could not be verified: ${(e as Error).message}`);
  }
  return result;
}

/** Adds every problem found; returns false when it stopped before the last check. */
function check(bytes: Buffer, options: VerifyOptions, result: VerifyResult): boolean {
  const problem = (message: string): false => {
    result.problems.push(message);
    return false;
  };
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) return problem('The file is not a PDF.');
  result.identity = parseAgreementKeywords(readInfoKeywords(bytes));

  const located = locateSignature(bytes, problem);
  if (!located) return false;
  const { byteRange, dictionary } = located;
  result.byteRange = byteRange;
  const [, gapStart, gapEnd] = byteRange;

  const der = readContents(bytes.subarray(gapStart, gapEnd), problem);
  if (!der) return false;
  let cms: ParsedCms;
  try {
    cms = parseCms(der);
  } catch (e) {
    return problem(
      `The signature is not a CMS signature this platform makes: ${(e as Error).message}`,
    );
  }
  const signer = findSigner(cms);
  if (!signer) return problem('The signature does not contain its signer certificate.');
  result.certificateFingerprint = signer.sha256.toString('hex');
  result.signerName = commonName(signer.x509.subject);

  const digest = createHash('sha256')
    .update(bytes.subarray(0, gapStart))
    .update(bytes.subarray(gapEnd))
    .digest();
  const checked = checkAttributes(cms, signer, digest, problem);
  if (!checked) return false;
  // The claimed signing time is the dictionary's /M (PAdES baseline), inside the signed bytes.
  const claimed = readLiteralEntry(dictionary, 'M');
  const signingTime = claimed === undefined ? undefined : parsePdfDate(claimed);
  if (!signingTime) return problem('The signature dictionary has no valid signing time (/M).');
  if (checked.legacySigningTime && checked.legacySigningTime.getTime() !== signingTime.getTime()) {
    return problem('The signing-time attribute and /M of the signature disagree.');
  }
  result.signingTime = signingTime;

  const key = signer.x509.publicKey;
  const algorithm = keyAlgorithm(signer);
  if (!algorithm) return problem(`The signer key type ${key.asymmetricKeyType} is not supported.`);
  const signed = attributesToSign(cms.signedAttributesContent);
  if (!cryptoVerify('sha256', signed, key, cms.signature)) {
    return problem('The signature does not verify with the signer certificate.');
  }
  const template = signerTemplate(algorithm, signer, cms.certificates);
  const attributes = signedAttributesContent(template, digest, checked.legacySigningTime);
  if (
    !attributes.equals(cms.signedAttributesContent) ||
    !contentInfo(template, attributes, cms.signature).equals(der)
  ) {
    return problem('The signature is not encoded as this platform encodes seals (it was altered).');
  }
  const trusted = options.trustedCertificates;
  if (trusted && !trusted.some((c) => Buffer.from(c).equals(signer.der))) {
    return problem('The seal was not made with a trusted certificate.');
  }
  return true;
}

/**
 * Exactly one /ByteRange, which leaves out exactly its own /Contents string and ends at EOF; with
 * the text of its signature dictionary outside the /Contents gap.
 */
function locateSignature(
  bytes: Buffer,
  problem: (m: string) => false,
): { byteRange: ByteRange; dictionary: string } | undefined {
  const key = Buffer.from('/ByteRange', 'latin1');
  const at = bytes.indexOf(key);
  if (at < 0) return void problem('The file has no signature.');
  if (bytes.indexOf(key, at + 1) >= 0) return void problem('The file has more than one signature.');
  const m = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(
    bytes.toString('latin1', at, at + 80),
  );
  if (!m) return void problem('The signature has no byte range (the file was never sealed).');
  const byteRange = m.slice(1, 5).map(Number) as ByteRange;
  const [a0, a1, b0, b1] = byteRange;
  if (a0 !== 0) return void problem('The signature does not cover the start of the file.');
  if (a1 <= 0 || b0 <= a1 + 1 || b0 > bytes.length)
    return void problem('The signature byte range is malformed.');
  if (b0 + b1 !== bytes.length) {
    return void problem(
      b0 + b1 < bytes.length
        ? 'Bytes were added after the sealed part of the file.'
        : 'The file is shorter than the sealed byte range (truncated).',
    );
  }
  if (bytes[a1] !== 0x3c /* < */ || bytes[b0 - 1] !== 0x3e /* > */) {
    return void problem('The unsigned gap is not exactly the signature /Contents string.');
  }
  // The gap must be the value of /Contents in the same signature dictionary as the byte range.
  const before = bytes.toString('latin1', Math.max(0, a1 - 64), a1);
  if (!/\/Contents\s*$/.test(before))
    return void problem('The unsigned gap is not the signature /Contents.');
  const first = Math.min(at, a1);
  const last = Math.max(at, b0);
  const objectStart = bytes.lastIndexOf(' obj', first);
  const objectEnd = bytes.indexOf('endobj', last);
  if (objectStart < 0 || objectEnd < 0 || bytes.indexOf('endobj', first) < last) {
    return void problem(
      'The byte range and the /Contents are not in the same signature dictionary.',
    );
  }
  const dictionary =
    bytes.toString('latin1', objectStart, a1) + bytes.toString('latin1', b0, objectEnd);
  if (!/\/SubFilter\s*\/ETSI\.CAdES\.detached\b/.test(dictionary)) {
    return void problem('The signature is not of type ETSI.CAdES.detached.');
  }
  return { byteRange, dictionary };
}

/** The DER CMS from the `<hex>` string: lowercase hex (as written), zero padding after the DER. */
function readContents(gap: Buffer, problem: (m: string) => false): Buffer | undefined {
  const hex = gap.toString('latin1', 1, gap.length - 1);
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) {
    return void problem('The signature /Contents is not the lowercase hex string the seal writes.');
  }
  const padded = Buffer.from(hex, 'hex');
  let end: number;
  try {
    end = readNode(padded, 0).end;
  } catch (e) {
    return void problem(`The signature /Contents is not DER: ${(e as Error).message}`);
  }
  for (let i = end; i < padded.length; i++) {
    if (padded[i] !== 0) return void problem('The signature /Contents has data after the CMS.');
  }
  return padded.subarray(0, end);
}

function findSigner(cms: ParsedCms): CertificateInfo | undefined {
  for (const der of cms.certificates) {
    let info: CertificateInfo;
    try {
      info = certificateInfo(der);
    } catch {
      continue;
    }
    if (info.issuer.equals(cms.signerIssuer) && info.serial.equals(cms.signerSerial)) return info;
  }
  return undefined;
}

/**
 * The signed attributes our seals carry. Seals made before the signing time moved to /M also
 * carry a signing-time attribute: still valid (the file was sealed and is unchanged), and the
 * attribute is returned so the re-encoding check can include it.
 */
function checkAttributes(
  cms: ParsedCms,
  signer: CertificateInfo,
  digest: Buffer,
  problem: (m: string) => false,
): { legacySigningTime?: Date } | undefined {
  if (cms.digestAlgorithm !== OID.sha256)
    return void problem('The signature digest algorithm is not SHA-256.');
  const value = (oid: string, name: string): Buffer | undefined => {
    const v = cms.attributes.get(oid);
    if (!v) problem(`The signature has no ${name} attribute.`);
    return v;
  };
  const contentType = value(OID.contentType, 'content-type');
  const messageDigest = value(OID.messageDigest, 'message-digest');
  const signingCertificate = value(OID.signingCertificateV2, 'signing-certificate-v2');
  if (!contentType || !messageDigest || !signingCertificate) return undefined;
  if (readOidValue(contentType) !== OID.data)
    return void problem('The signed content type is not data.');
  if (!readOctetString(messageDigest).equals(digest)) {
    return void problem('The file was changed after it was sealed (the digest does not match).');
  }
  if (!essCertificateHash(signingCertificate).equals(signer.sha256)) {
    return void problem('The signing-certificate attribute names another certificate.');
  }
  const legacy = cms.attributes.get(OID.signingTime);
  return legacy ? { legacySigningTime: readTime(legacy, readRoot(legacy)) } : {};
}

function keyAlgorithm(signer: CertificateInfo): KeyAlgorithm | undefined {
  const type = signer.x509.publicKey.asymmetricKeyType;
  return type === 'rsa' ? 'rsa' : type === 'ec' ? 'ec' : undefined;
}
