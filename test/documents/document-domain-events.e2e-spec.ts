import { DOCUMENT_EVENTS, DocumentReady } from '../../src/documents/document-domain-events';
import { startApi, TestApi } from '../helpers/api';
import { agreementWorld, AgreementWorld, pendingAgreement, sign } from '../helpers/agreements';
import { Recorder, recordEvents, scalar } from '../helpers/domain-events';
import { readyDocument } from '../helpers/documents';
import { startWorker, TestWorker } from '../helpers/worker';

/**
 * `document.ready`, published by the real worker in the transaction that marks the document
 * ready: its subscriber sees the row ready through the worker's EntityManager while another
 * connection still sees it processing.
 */
describe('documents: domain events', () => {
  let api: TestApi;
  let worker: TestWorker;
  let world: AgreementWorld;
  let ready: Recorder<DocumentReady>;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    world = await agreementWorld(api);
    ready = recordEvents<DocumentReady>(worker.app, DOCUMENT_EVENTS.ready, (m, e) =>
      scalar(m, 'SELECT status FROM documents WHERE id = $1', [e.documentId]),
    );
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('the preview of a submitted version and the sealed PDF of the version in force', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const preview = await readyDocument(api, world.coordinatorToken, id, 1, 'preview');
    for (const token of [world.studentToken, world.companyRepToken, world.coordinatorToken])
      expect((await sign(api, token, id, contentHash)).status).toBe(201);
    const sealed = await readyDocument(api, world.coordinatorToken, id, 1, 'signed');

    // The API shows a document ready once the worker's transaction committed: its subscribers ran.
    const seen = ready.where((e) => e.agreementId === id);
    const owner = { universityId: world.universityId, studentId: world.studentId };
    expect(seen).toEqual([
      {
        event: {
          type: 'document.ready',
          documentId: preview.id,
          agreementId: id,
          ...owner,
          version: 1,
          kind: 'preview',
          contentHash,
          sha256: preview.sha256,
        },
        inside: 'ready',
        outside: 'processing',
      },
      {
        event: {
          type: 'document.ready',
          documentId: sealed.id,
          agreementId: id,
          ...owner,
          version: 1,
          kind: 'signed',
          contentHash,
          sha256: sealed.sha256,
        },
        inside: 'ready',
        outside: 'processing',
      },
    ]);
  });
});
