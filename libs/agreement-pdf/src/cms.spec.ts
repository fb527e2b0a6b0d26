import { X509Certificate, createHash } from 'node:crypto';
import { OID, essCertificateHash, parseCms, readOctetString, readOidValue } from './cms';
import { DerError } from './der';
import { generateDevelopmentP12 } from './dev-certificate';
import { SealError } from './errors';
import { createSealer } from './sealer';
import { developmentSealer } from './testing/dev-sealer';

describe('the sealer and its CMS', () => {
  const digest = createHash('sha256').update('the signed byte ranges').digest();

  it('makes a detached SignedData with the PAdES baseline signed attributes, and no signing-time', () => {
    const sealer = developmentSealer();
    const cms = parseCms(sealer.signDigest(digest));
    expect(cms.certificates).toEqual([sealer.certificateDer]);
    expect(cms.digestAlgorithm).toBe(OID.sha256);
    expect(cms.signatureAlgorithm).toBe(OID.sha256WithRsa);
    // ETSI EN 319 142-1 (B-B): the claimed time is /M in the dictionary; the attribute must be absent.
    expect([...cms.attributes.keys()].sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(cms.attributes.has(OID.signingTime)).toBe(false);
    expect(readOidValue(cms.attributes.get(OID.contentType)!)).toBe(OID.data);
    expect(readOctetString(cms.attributes.get(OID.messageDigest)!)).toEqual(digest);
    expect(essCertificateHash(cms.attributes.get(OID.signingCertificateV2)!).toString('hex')).toBe(
      sealer.certificateFingerprint,
    );
    expect(cms.signature).toHaveLength(256);
  });

  it('describes its certificate and how much room its seals need', () => {
    const sealer = developmentSealer();
    expect(new X509Certificate(sealer.certificateDer).subject).toContain('CN=Dualroute test seal');
    expect(sealer.signerName).toBe('Dualroute test seal');
    expect(sealer.certificateFingerprint).toBe(
      createHash('sha256').update(sealer.certificateDer).digest('hex'),
    );
    const size = sealer.signDigest(digest).length;
    expect(sealer.contentsBytes).toBeGreaterThanOrEqual(size + 1000);
  });

  it('rejects trailing bytes and non-CMS input when parsing', () => {
    const der = developmentSealer().signDigest(digest);
    expect(() => parseCms(Buffer.concat([der, Buffer.of(0)]))).toThrow(DerError);
    expect(() => parseCms(Buffer.from('300302010a', 'hex'))).toThrow(DerError);
  });

  it('refuses a wrong passphrase and a bad digest', () => {
    const { p12 } = generateDevelopmentP12({
      commonName: 'x',
      organisation: 'y',
      passphrase: 'right',
    });
    expect(() => createSealer({ p12, passphrase: 'wrong' })).toThrow(SealError);
    expect(() => createSealer({ p12: Buffer.from('not a p12'), passphrase: 'right' })).toThrow(
      SealError,
    );
    const sealer = createSealer({ p12, passphrase: 'right' });
    expect(() => sealer.signDigest(Buffer.alloc(20))).toThrow(SealError);
  });
});
