/** One self-signed development sealer per test file: RSA key generation is the slow part. */
import { generateDevelopmentP12 } from '../dev-certificate';
import { Sealer, createSealer } from '../sealer';

let sealer: Sealer | undefined;

export function developmentSealer(): Sealer {
  sealer ??= newDevelopmentSealer('Dualroute test seal');
  return sealer;
}

export function newDevelopmentSealer(commonName: string): Sealer {
  const passphrase = 'test-passphrase';
  const { p12 } = generateDevelopmentP12({
    commonName,
    organisation: 'Dualroute tests',
    passphrase,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    validYears: 10,
  });
  return createSealer({ p12, passphrase });
}
