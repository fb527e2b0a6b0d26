import { bearer, TestApi } from './api';
import { waitFor } from './worker';

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

export function verify(api: TestApi, pdf: Buffer) {
  return api.http.post('/api/v1/verify').set('Content-Type', 'application/pdf').send(pdf);
}
