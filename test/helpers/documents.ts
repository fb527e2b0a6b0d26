import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bearer, TestApi } from './api';
import { waitFor } from './worker';

const run = promisify(execFile);

export interface DocumentBody {
  id: string;
  agreementId: string;
  version: number;
  kind: 'preview' | 'signed';
  status: string;
  sha256: string | null;
}

/** Waits until the agreement's document of this version and kind is ready; returns it. */
export async function readyDocument(
  api: TestApi,
  token: string,
  agreementId: string,
  version: number,
  kind: 'preview' | 'signed',
  timeoutMs = 30_000,
): Promise<DocumentBody> {
  return waitFor(async () => {
    const res = await api.http
      .get(`/api/v1/agreements/${agreementId}/documents`)
      .set(bearer(token));
    const doc = (res.body.data as DocumentBody[] | undefined)?.find(
      (d) => d.version === version && d.kind === kind,
    );
    if (doc?.status === 'failed') throw new Error(`document failed: ${JSON.stringify(doc)}`);
    return doc?.status === 'ready' ? doc : null;
  }, timeoutMs);
}

export async function downloadPdf(
  api: TestApi,
  token: string,
  documentId: string,
): Promise<Buffer> {
  const res = await api.http
    .get(`/api/v1/documents/${documentId}/content`)
    .set(bearer(token))
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200)
    throw new Error(`download ${documentId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Buffer;
}

/** Runs a poppler tool on the bytes (written to a temporary file); returns stdout. */
async function poppler(tool: 'pdftotext' | 'pdfsig', pdf: Buffer, args: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dualroute-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(tool, [
      ...args,
      file,
      ...(tool === 'pdftotext' ? ['-'] : []),
    ]).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
      // pdfsig exits non-zero for an untrusted (self-signed) certificate; its report is what we check.
      if (tool === 'pdfsig' && error.stdout) return { stdout: error.stdout };
      throw error;
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const pdfText = (pdf: Buffer) => poppler('pdftotext', pdf, ['-enc', 'UTF-8']);
/** Text in content-stream order: also finds the diagonal watermark that layout mode scatters. */
export const pdfRawText = (pdf: Buffer) => poppler('pdftotext', pdf, ['-enc', 'UTF-8', '-raw']);
export const pdfSig = (pdf: Buffer) => poppler('pdfsig', pdf, []);

export function verify(api: TestApi, pdf: Buffer) {
  return api.http.post('/api/v1/verify').set('Content-Type', 'application/pdf').send(pdf);
}
