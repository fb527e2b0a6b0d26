import { createSealer, generateDevelopmentP12, type Sealer } from '@app/agreement-pdf';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DocumentsConfig } from './documents.config';

/** The passphrase of the generated development P12: it guards nothing but a self-signed test key. */
const DEV_PASSPHRASE = 'dualroute-development-seal';

export const SEALER = Symbol('SEALER');

export class SealConfigurationError extends Error {}

/**
 * The platform's sealer, read once per process: the configured P12 (SEAL_P12_PATH), or in
 * development and test a self-signed one generated on first start and kept at devSealPath, so
 * every later start (and every worker) seals with the same certificate.
 */
export async function loadSealer(
  config: DocumentsConfig,
  logger = new Logger('Seal'),
): Promise<Sealer> {
  if (config.sealP12Path) {
    const sealer = createSealer({
      p12: await readFile(config.sealP12Path),
      passphrase: config.sealP12Passphrase,
    });
    logger.log(
      `Sealing as "${sealer.signerName}" (certificate SHA-256 ${sealer.certificateFingerprint})`,
    );
    return sealer;
  }
  if (!config.allowSelfSigned) {
    throw new SealConfigurationError(
      'SEAL_P12_PATH is required: the PKCS#12 file with the sealing certificate and key (or set SEAL_ALLOW_SELF_SIGNED=true for a self-signed development seal)',
    );
  }
  const p12 = await developmentP12(config.devSealPath, logger);
  return createSealer({ p12, passphrase: DEV_PASSPHRASE });
}

async function developmentP12(path: string, logger: Logger): Promise<Buffer> {
  const existing = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing) return existing;
  const { p12 } = generateDevelopmentP12({
    commonName: 'Dualroute development seal (self-signed)',
    organisation: 'Dualroute development',
    passphrase: DEV_PASSPHRASE,
  });
  await mkdir(dirname(path), { recursive: true });
  // Several workers may start at once: link() refuses to replace, so the first file wins and
  // everyone seals with it.
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, p12, { mode: 0o600 });
  try {
    await link(temporary, path);
    logger.warn(
      `Generated a self-signed development sealing certificate at ${path}; set SEAL_P12_PATH for real seals`,
    );
    return p12;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path);
  } finally {
    await rm(temporary, { force: true });
  }
}
