/**
 * A self-signed sealing certificate for development and tests ("a self-signed one is generated
 * for development on first start"). Production seals with a certificate from a CA, supplied as a
 * P12; the code path that reads it is the same.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as forge from 'node-forge';

export interface DevelopmentP12Options {
  commonName: string;
  organisation: string;
  passphrase: string;
  /** Start of validity; defaults to now (minus a minute, for clock skew). */
  notBefore?: Date;
  /** Default 5. */
  validYears?: number;
}

export interface DevelopmentP12 {
  p12: Buffer;
  certificatePem: string;
}

export function generateDevelopmentP12(options: DevelopmentP12Options): DevelopmentP12 {
  // Native key generation: forge's JavaScript RSA takes seconds for 2048 bits.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  // A positive 127-bit serial: random, as CAs must, and never read as negative.
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (options.validYears ?? 5));
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const name = [
    { name: 'commonName', value: options.commonName, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'organizationName', value: options.organisation, valueTagClass: forge.asn1.Type.UTF8 },
    { name: 'countryName', value: 'NL' },
  ] as forge.pki.CertificateField[];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.passphrase, {
    algorithm: 'aes256',
    friendlyName: options.commonName,
    generateLocalKeyId: true,
  });
  return {
    p12: Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'),
    certificatePem: forge.pki.certificateToPem(cert),
  };
}
