/**
 * CMS SignedData (RFC 5652) with the signed attributes of a PAdES baseline B-B signature (ETSI EN
 * 319 142-1, 6.3): content-type, message-digest and signing-certificate-v2 (RFC 5035). No
 * signing-time attribute: PAdES puts the claimed signing time in the signature dictionary's /M
 * and says the attribute shall not be present. One encoder serves both the sealer and the
 * verifier: the verifier rebuilds the structure from the parts it checked and requires the
 * embedded bytes to be identical, so no byte of /Contents can change unnoticed.
 */
import { X509Certificate, createHash } from 'node:crypto';
import {
  DerError,
  TAG,
  children,
  content,
  contextTag,
  expectTag,
  integer,
  octetString,
  oid,
  raw,
  readOid,
  readRoot,
  sequence,
  setOf,
  time,
  tlv,
} from './der';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  /** Not in our seals (PAdES baseline); recognised in seals made before, see verify.ts. */
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export type KeyAlgorithm = 'rsa' | 'ec';

const NULL = Buffer.of(TAG.NULL, 0);
// RFC 5754: SHA-2 digest identifiers omit the parameters; sha256WithRSAEncryption carries NULL.
const SHA256_ALGORITHM = sequence(oid(OID.sha256));
const SIGNATURE_ALGORITHM: Record<KeyAlgorithm, Buffer> = {
  rsa: sequence(oid(OID.sha256WithRsa), NULL),
  ec: sequence(oid(OID.ecdsaWithSha256)),
};

/** The parts of an X.509 certificate a signer identifier and ESS attribute need. */
export interface CertificateInfo {
  der: Buffer;
  x509: X509Certificate;
  sha256: Buffer;
  /** The issuer Name, DER. */
  issuer: Buffer;
  /** The serialNumber INTEGER, DER (tag and length included). */
  serial: Buffer;
}

export function certificateInfo(der: Buffer): CertificateInfo {
  const cert = readRoot(der);
  const tbs = expectTag(children(der, cert)[0], TAG.SEQUENCE, 'tbsCertificate');
  const fields = children(der, tbs);
  const i = fields[0]?.tag === contextTag(0) ? 1 : 0; // explicit version is optional (v1)
  const serial = expectTag(fields[i], TAG.INTEGER, 'serialNumber');
  const issuer = expectTag(fields[i + 2], TAG.SEQUENCE, 'issuer');
  return {
    der,
    x509: new X509Certificate(der),
    sha256: createHash('sha256').update(der).digest(),
    issuer: raw(der, issuer),
    serial: raw(der, serial),
  };
}

/** Everything about a signer that does not change between documents, encoded once. */
export interface SignerTemplate {
  algorithm: KeyAlgorithm;
  signer: CertificateInfo;
  /** DER certificates embedded in the CMS, signer first. */
  certificates: Buffer[];
  contentTypeAttribute: Buffer;
  signingCertificateAttribute: Buffer;
  certificatesField: Buffer;
  signerIdentifier: Buffer;
}

export function signerTemplate(
  algorithm: KeyAlgorithm,
  signer: CertificateInfo,
  chain: Buffer[],
): SignerTemplate {
  const certificates = [signer.der, ...chain.filter((c) => !c.equals(signer.der))];
  const essCertIdV2 = sequence(
    octetString(signer.sha256),
    sequence(sequence(tlv(contextTag(4), signer.issuer)), signer.serial),
  );
  return {
    algorithm,
    signer,
    certificates,
    contentTypeAttribute: attribute(OID.contentType, oid(OID.data)),
    signingCertificateAttribute: attribute(
      OID.signingCertificateV2,
      sequence(sequence(essCertIdV2)),
    ),
    // Certificates in the order given (signer first) rather than DER-sorted: CMS declares the
    // field a SET but readers accept any order, and signer-first is what verifiers look for.
    certificatesField: tlv(contextTag(0), ...certificates),
    signerIdentifier: sequence(signer.issuer, signer.serial),
  };
}

function attribute(type: string, ...values: Buffer[]): Buffer {
  return sequence(oid(type), setOf(...values));
}

/**
 * The signed attributes' content octets; sign them under a SET tag, embed them under [0]. The
 * sealer never passes `legacySigningTime`: only the verifier does, to re-encode a seal made before
 * the signing time moved to /M (those carried a signing-time attribute and must still verify).
 */
export function signedAttributesContent(
  t: SignerTemplate,
  digest: Buffer,
  legacySigningTime?: Date,
): Buffer {
  const attributes = [
    t.contentTypeAttribute,
    attribute(OID.messageDigest, octetString(digest)),
    t.signingCertificateAttribute,
  ];
  if (legacySigningTime) attributes.push(attribute(OID.signingTime, time(legacySigningTime)));
  return Buffer.concat(attributes.sort(Buffer.compare));
}

export const attributesToSign = (attributesContent: Buffer): Buffer =>
  tlv(TAG.SET, attributesContent);

export function contentInfo(
  t: SignerTemplate,
  attributesContent: Buffer,
  signature: Buffer,
): Buffer {
  const signerInfo = sequence(
    integer(1),
    t.signerIdentifier,
    SHA256_ALGORITHM,
    tlv(contextTag(0), attributesContent),
    SIGNATURE_ALGORITHM[t.algorithm],
    octetString(signature),
  );
  const signedData = sequence(
    integer(1),
    setOf(SHA256_ALGORITHM),
    sequence(oid(OID.data)),
    t.certificatesField,
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), tlv(contextTag(0), signedData));
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ParsedCms {
  certificates: Buffer[];
  signerIssuer: Buffer;
  signerSerial: Buffer;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** Content octets of the [0] signed attributes. */
  signedAttributesContent: Buffer;
  /** Each attribute type with its single value (DER); repeated types are rejected. */
  attributes: Map<string, Buffer>;
  signature: Buffer;
}

/** Parses a detached SignedData with one SignerInfo; throws DerError on anything else. */
export function parseCms(der: Buffer): ParsedCms {
  const root = children(der, expectTag(readRoot(der), TAG.SEQUENCE, 'ContentInfo'));
  if (readOid(der, root[0]) !== OID.signedData) throw new DerError('not a SignedData');
  const wrapper = children(der, expectTag(root[1], contextTag(0), 'content'));
  const sd = children(der, expectTag(wrapper[0], TAG.SEQUENCE, 'SignedData'));
  const encap = children(der, expectTag(sd[2], TAG.SEQUENCE, 'encapContentInfo'));
  if (encap.length !== 1) throw new DerError('the signature is not detached');
  let next = 3;
  const certificates: Buffer[] = [];
  if (sd[next]?.tag === contextTag(0)) {
    for (const c of children(der, sd[next])) certificates.push(raw(der, c));
    next++;
  }
  if (sd[next]?.tag === contextTag(1)) throw new DerError('CRLs in the signature are not expected');
  const infos = children(der, expectTag(sd[next], TAG.SET, 'signerInfos'));
  if (next + 1 !== sd.length) throw new DerError('unexpected fields after signerInfos');
  if (infos.length !== 1) throw new DerError(`expected one SignerInfo, found ${infos.length}`);

  const si = children(der, expectTag(infos[0], TAG.SEQUENCE, 'SignerInfo'));
  const sid = children(der, expectTag(si[1], TAG.SEQUENCE, 'issuerAndSerialNumber'));
  const attrsNode = expectTag(si[3], contextTag(0), 'signedAttrs');
  if (si.length !== 6) throw new DerError('unsigned attributes are not expected');
  const attributes = new Map<string, Buffer>();
  for (const a of children(der, attrsNode)) {
    const [type, values] = children(der, expectTag(a, TAG.SEQUENCE, 'Attribute'));
    const typeOid = readOid(der, type);
    const vals = children(der, expectTag(values, TAG.SET, 'AttributeValues'));
    if (vals.length !== 1 || attributes.has(typeOid))
      throw new DerError(`attribute ${typeOid} is not single-valued`);
    attributes.set(typeOid, raw(der, vals[0]));
  }
  return {
    certificates,
    signerIssuer: raw(der, expectTag(sid[0], TAG.SEQUENCE, 'issuer')),
    signerSerial: raw(der, expectTag(sid[1], TAG.INTEGER, 'serialNumber')),
    digestAlgorithm: readOid(
      der,
      children(der, expectTag(si[2], TAG.SEQUENCE, 'digestAlgorithm'))[0],
    ),
    signatureAlgorithm: readOid(
      der,
      children(der, expectTag(si[4], TAG.SEQUENCE, 'signatureAlgorithm'))[0],
    ),
    signedAttributesContent: content(der, attrsNode),
    attributes,
    signature: content(der, expectTag(si[5], TAG.OCTET_STRING, 'signature')),
  };
}

/** The certHash of the first ESSCertIDv2 (SHA-256, the default algorithm, or said explicitly). */
export function essCertificateHash(value: Buffer): Buffer {
  const [certs] = children(value, expectTag(readRoot(value), TAG.SEQUENCE, 'SigningCertificateV2'));
  const [first] = children(value, expectTag(certs, TAG.SEQUENCE, 'certs'));
  const fields = children(value, expectTag(first, TAG.SEQUENCE, 'ESSCertIDv2'));
  let i = 0;
  if (fields[0]?.tag === TAG.SEQUENCE) {
    if (readOid(value, children(value, fields[0])[0]) !== OID.sha256)
      throw new DerError('ESS hash is not SHA-256');
    i = 1;
  }
  return content(value, expectTag(fields[i], TAG.OCTET_STRING, 'certHash'));
}

export function readOctetString(value: Buffer): Buffer {
  return content(value, expectTag(readRoot(value), TAG.OCTET_STRING, 'OCTET STRING'));
}

export function readOidValue(value: Buffer): string {
  return readOid(value, readRoot(value));
}
