import type { DomainEvent } from '@app/common';
import type { EntityManager } from 'typeorm';
import {
  AGREEMENT_EVENTS,
  AgreementCompleted,
  AgreementDeclined,
  AgreementSigned,
  AgreementTerminated,
  AgreementVersionActivated,
  AgreementVersionSubmitted,
} from '../../src/agreements/agreement-domain-events';
import { bearer, startApi, TestApi } from '../helpers/api';
import {
  agreementWorld,
  AgreementWorld,
  fullySigned,
  pendingAgreement,
  sign,
} from '../helpers/agreements';
import { Recorder, recordEvents, scalar } from '../helpers/domain-events';

/**
 * The agreement's facts, published through DomainEvents by the real API in the transaction of
 * the change: each subscriber sees the change through the publisher's EntityManager while
 * another connection does not yet. Payloads are compared whole: nothing else (no e-mail, no
 * signing token) travels with them.
 */
describe('agreements: domain events', () => {
  let api: TestApi;
  let world: AgreementWorld;
  const log: DomainEvent[] = [];

  const agreementStatus = (m: EntityManager, e: { agreementId: string }) =>
    scalar(m, 'SELECT status FROM agreements WHERE id = $1', [e.agreementId]);
  const versionStatus = (m: EntityManager, e: { agreementId: string; version: number }) =>
    scalar(m, 'SELECT status FROM agreement_versions WHERE agreement_id = $1 AND number = $2', [
      e.agreementId,
      e.version,
    ]);

  let submitted: Recorder<AgreementVersionSubmitted>;
  let signed: Recorder<AgreementSigned>;
  let activated: Recorder<AgreementVersionActivated>;
  let declined: Recorder<AgreementDeclined>;
  let completed: Recorder<AgreementCompleted>;
  let terminated: Recorder<AgreementTerminated>;

  beforeAll(async () => {
    api = await startApi();
    world = await agreementWorld(api);
    submitted = recordEvents<AgreementVersionSubmitted>(
      api.app,
      AGREEMENT_EVENTS.versionSubmitted,
      versionStatus,
      log,
    );
    signed = recordEvents<AgreementSigned>(
      api.app,
      AGREEMENT_EVENTS.signed,
      (m, e) =>
        scalar(
          m,
          `SELECT count(*)::int FROM agreement_signatures
            WHERE agreement_id = $1 AND version_number = $2 AND party = $3`,
          [e.agreementId, e.version, e.party],
        ),
      log,
    );
    activated = recordEvents<AgreementVersionActivated>(
      api.app,
      AGREEMENT_EVENTS.versionActivated,
      agreementStatus,
      log,
    );
    declined = recordEvents<AgreementDeclined>(
      api.app,
      AGREEMENT_EVENTS.declined,
      versionStatus,
      log,
    );
    completed = recordEvents<AgreementCompleted>(
      api.app,
      AGREEMENT_EVENTS.completed,
      agreementStatus,
      log,
    );
    terminated = recordEvents<AgreementTerminated>(
      api.app,
      AGREEMENT_EVENTS.terminated,
      agreementStatus,
      log,
    );
  });
  afterAll(() => api?.close());

  const owner = () => ({ universityId: world.universityId, studentId: world.studentId });
  const about = (id: string) => (e: DomainEvent) =>
    (e as DomainEvent & { agreementId?: string }).agreementId === id;

  it('submitted, signed by account and by signing link, then activated after the last signature', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    expect(submitted.where(about(id))).toEqual([
      {
        event: {
          type: 'agreement.version-submitted',
          agreementId: id,
          ...owner(),
          version: 1,
          contentHash,
        },
        inside: 'pending_signatures',
        outside: 'draft',
      },
    ]);

    expect((await sign(api, world.studentToken, id, contentHash)).status).toBe(201);
    const link = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'employer', email: 'directeur@bouw.test', name: 'Anna de Vries' });
    expect(link.status).toBe(201);
    const viaLink = await api.http
      .post(`/api/v1/signing/${link.body.token}/sign`)
      .send({ contentHash, name: 'Anna de Vries', consent: true });
    expect(viaLink.status).toBe(201);
    expect(activated.where(about(id))).toEqual([]);
    expect((await sign(api, world.coordinatorToken, id, contentHash)).status).toBe(201);

    const signatures = signed.where(about(id));
    expect(signatures.map((s) => [s.event.party, s.event.method])).toEqual([
      ['student', 'account'],
      ['employer', 'signing_link'],
      ['university', 'account'],
    ]);
    for (const s of signatures) {
      expect(s.event).toEqual({
        type: 'agreement.signed',
        agreementId: id,
        ...owner(),
        version: 1,
        contentHash,
        party: s.event.party,
        method: s.event.method,
        signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      expect(s).toMatchObject({ inside: 1, outside: 0 });
    }
    expect(activated.where(about(id))).toEqual([
      {
        event: {
          type: 'agreement.version-activated',
          agreementId: id,
          ...owner(),
          version: 1,
          contentHash,
        },
        inside: 'active',
        outside: 'pending_signatures',
      },
    ]);
    // The last signature is published before the activation it causes.
    expect(log.filter(about(id)).map((e) => e.type)).toEqual([
      'agreement.version-submitted',
      'agreement.signed',
      'agreement.signed',
      'agreement.signed',
      'agreement.version-activated',
    ]);
    // Neither the signer's e-mail nor the link's token travels with any event.
    const text = JSON.stringify(log);
    expect(text).not.toContain('directeur@bouw.test');
    expect(text).not.toContain(link.body.token);
  });

  it('declined by an account and through a signing link', async () => {
    const { id, contentHash } = await pendingAgreement(api, world);
    const byAccount = await api.http
      .post(`/api/v1/agreements/${id}/decline`)
      .set(bearer(world.companyRepToken))
      .send({ reason: 'Salaris klopt niet' });
    expect(byAccount.status).toBe(200);
    const resubmitted = await api.http
      .post(`/api/v1/agreements/${id}/submit`)
      .set(bearer(world.coordinatorToken));
    expect(resubmitted.status).toBe(200);
    const link = await api.http
      .post(`/api/v1/agreements/${id}/signing-links`)
      .set(bearer(world.coordinatorToken))
      .send({ party: 'student', email: 'student@thuis.test', name: 'Sam Jansen' });
    expect(link.status).toBe(201);
    const viaLink = await api.http
      .post(`/api/v1/signing/${link.body.token}/decline`)
      .send({ reason: 'Studiedag klopt niet' });
    expect(viaLink.status).toBe(200);

    expect(declined.where(about(id))).toEqual([
      {
        event: {
          type: 'agreement.declined',
          agreementId: id,
          ...owner(),
          version: 1,
          party: 'employer',
          reason: 'Salaris klopt niet',
        },
        inside: 'declined',
        outside: 'pending_signatures',
      },
      {
        event: {
          type: 'agreement.declined',
          agreementId: id,
          ...owner(),
          version: 2,
          party: 'student',
          reason: 'Studiedag klopt niet',
        },
        inside: 'declined',
        outside: 'pending_signatures',
      },
    ]);
    expect(resubmitted.body.currentVersion.contentHash).not.toBe(contentHash);
  });

  it('completed and terminated, with their outcome and reason', async () => {
    const [toComplete, toTerminate] = await fullySigned(api, world, 2);
    const complete = await api.http
      .post(`/api/v1/agreements/${toComplete}/complete`)
      .set(bearer(world.coordinatorToken))
      .send({ outcome: 'graduated_with_delay', stayedWithEmployer: false, reason: 'Diploma' });
    expect(complete.status).toBe(200);
    const terminate = await api.http
      .post(`/api/v1/agreements/${toTerminate}/terminate`)
      .set(bearer(world.coordinatorToken))
      .send({ reason: 'dropout', employmentContinued: true, note: 'Blijft in dienst' });
    expect(terminate.status).toBe(200);

    expect(completed.where(about(toComplete))).toEqual([
      {
        event: {
          type: 'agreement.completed',
          agreementId: toComplete,
          ...owner(),
          outcome: 'graduated_with_delay',
          stayedWithEmployer: false,
        },
        inside: 'completed',
        outside: 'active',
      },
    ]);
    expect(terminated.where(about(toTerminate))).toEqual([
      {
        event: {
          type: 'agreement.terminated',
          agreementId: toTerminate,
          ...owner(),
          reason: 'dropout',
          employmentContinued: true,
        },
        inside: 'terminated',
        outside: 'active',
      },
    ]);
    expect(completed.where(about(toTerminate))).toEqual([]);
  });
});
