/**
 * The platform's seal: a private key and its certificate(s), read from a PKCS#12 file once per
 * process. node-forge is used for the PKCS#12 container only (it decrypts the legacy RC2/3DES
 * bags that OpenSSL 1.x wrote, which Node's crypto cannot); every signature is made with Node's
 * native crypto.sign.
 */
import { KeyObject, createPrivateKey, sign as cryptoSign } from 'node:crypto';
import * as forge from 'node-forge';
import {
  SignerTemplate,
  attributesToSign,
  certificateInfo,
  contentInfo,
  signedAttributesContent,
  signerTemplate,
} from './cms';
import { SealError } from './errors';

export interface Sealer {
  /** The signing certificate, DER. */
  readonly certificateDer: Buffer;
  /** The certificates embedded in every seal (signer first, then the rest of the P12's chain). */
  readonly certificatesDer: readonly Buffer[];
  /** SHA-256 of the signing certificate, lowercase hex. */
  readonly certificateFingerprint: string;
  /** The subject's common name, written as /Name in the signature dictionary. */
  readonly signerName: string;
  /**
   * Bytes to reserve in the signature's /Contents for this sealer's CMS (its certificates, the
   * signature and the attributes, plus 1 KB of slack); render signed PDFs with it.
   */
  readonly contentsBytes: number;
  /**
   * Encodes the CMS SignedData over a SHA-256 digest of the signed byte ranges. It carries no
   * time: the claimed signing time is the signature dictionary's /M (PAdES baseline).
   */
  signDigest(digest: Buffer): Buffer;
}

export interface SealerSource {
  p12: Uint8Array;
  passphrase: string;
}

export function createSealer(source: SealerSource): Sealer {
  const { key, certificates } = readP12(source);
  const signerDer = certificates.find((der) => certificateInfo(der).x509.checkPrivateKey(key));
  if (!signerDer) throw new SealError('the P12 holds no certificate that matches its private key');
  const algorithm =
    key.asymmetricKeyType === 'rsa' ? 'rsa' : key.asymmetricKeyType === 'ec' ? 'ec' : null;
  if (!algorithm)
    throw new SealError(`unsupported key type ${key.asymmetricKeyType}; use RSA or ECDSA P-256`);
  if (algorithm === 'ec' && key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new SealError('only the P-256 curve is supported for ECDSA seals');
  }
  const signer = certificateInfo(signerDer);
  return new P12Sealer(key, signerTemplate(algorithm, signer, certificates));
}

class P12Sealer implements Sealer {
  readonly certificateDer: Buffer;
  readonly certificatesDer: readonly Buffer[];
  readonly certificateFingerprint: string;
  readonly signerName: string;
  readonly contentsBytes: number;

  constructor(
    private readonly key: KeyObject,
    private readonly template: SignerTemplate,
  ) {
    this.certificateDer = template.signer.der;
    this.certificatesDer = template.certificates;
    this.certificateFingerprint = template.signer.sha256.toString('hex');
    this.signerName = commonName(template.signer.x509.subject);
    // A trial seal measures the CMS exactly; a longer ECDSA signature adds a few bytes, well
    // inside the slack.
    this.contentsBytes = this.signDigest(Buffer.alloc(32)).length + 1024;
  }

  signDigest(digest: Buffer): Buffer {
    if (digest.length !== 32) throw new SealError('a SHA-256 digest is 32 bytes');
    const attributes = signedAttributesContent(this.template, digest);
    // ECDSA signatures are DER (r, s) in CMS, which is Node's default encoding too.
    const signature = cryptoSign('sha256', attributesToSign(attributes), this.key);
    return contentInfo(this.template, attributes, signature);
  }
}

/** The CN of a Node X509Certificate subject (one attribute per line). */
export function commonName(subject: string): string {
  const line = subject.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : subject.replace(/\n/g, ', ');
}

function readP12({ p12, passphrase }: SealerSource): { key: KeyObject; certificates: Buffer[] } {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (e) {
    throw new SealError(
      `cannot read the P12 (wrong passphrase or not a PKCS#12 file): ${(e as Error).message}`,
    );
  }
  const keyBags = [
    ...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(pfx.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag!] ?? []),
  ];
  if (keyBags.length !== 1)
    throw new SealError(`expected one private key in the P12, found ${keyBags.length}`);
  const certBags = pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag!] ?? [];
  if (certBags.length === 0) throw new SealError('the P12 holds no certificate');
  return {
    key: privateKeyOf(keyBags[0]),
    certificates: certBags.map((bag) => {
      // forge cannot model EC certificates and leaves the raw ASN.1 instead.
      const asn1 = bag.cert
        ? forge.pki.certificateToAsn1(bag.cert)
        : (bag as { asn1?: forge.asn1.Asn1 }).asn1;
      if (!asn1) throw new SealError('unreadable certificate in the P12');
      return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    }),
  };
}

function privateKeyOf(bag: forge.pkcs12.Bag): KeyObject {
  const asn1 = bag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))
    : (bag as { asn1?: forge.asn1.Asn1 }).asn1;
  if (!asn1) throw new SealError('unreadable private key in the P12');
  const der = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
