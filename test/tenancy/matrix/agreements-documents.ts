import { termsBody } from '../../helpers/agreements';
import { MatrixEntry, V1, only, HIDDEN, LIST, get, reason } from './expectations';

/** Agreements, signatures and documents. */
export const AGREEMENTS_DOCUMENTS: Record<string, MatrixEntry> = {
  // Agreements and documents
  'POST /api/v1/agreements': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements`,
      body: {
        studentId: a.studentId,
        employer: { type: 'company', id: a.companyId },
        language: 'nl',
        terms: termsBody(a.supervisorId),
      },
    }),
    expect: only(['coordinator'], 422),
  },
  'GET /api/v1/agreements': {
    request: (a) => get(`/agreements?studentId=${a.studentId}`)(),
    expect: LIST,
  },
  'GET /api/v1/agreements/{id}': {
    request: (a) => get(`/agreements/${a.agreementId}`)(),
    expect: HIDDEN,
  },
  'PATCH /api/v1/agreements/{id}': {
    request: (a) => ({
      method: 'patch',
      path: `${V1}/agreements/${a.pendingAgreementId}`,
      body: { language: 'en' },
    }),
    expect: only(['coordinator'], 404),
  },
  'GET /api/v1/agreements/{id}/versions': {
    request: (a) => get(`/agreements/${a.agreementId}/versions`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/agreements/{id}/versions/{n}': {
    request: (a) => get(`/agreements/${a.agreementId}/versions/1`)(),
    expect: HIDDEN,
  },
  'POST /api/v1/agreements/{id}/submit': {
    request: (a) => ({ method: 'post', path: `${V1}/agreements/${a.pendingAgreementId}/submit` }),
    expect: only(['coordinator'], 404),
  },
  'POST /api/v1/agreements/{id}/cancel': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.pendingAgreementId}/cancel`,
      body: reason,
    }),
    expect: only(['coordinator'], 404),
  },
  'POST /api/v1/agreements/{id}/amend': {
    request: (a) => ({ method: 'post', path: `${V1}/agreements/${a.agreementId}/amend`, body: {} }),
    expect: only(['coordinator'], 404),
  },
  'POST /api/v1/agreements/{id}/withdraw': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.agreementId}/withdraw`,
      body: reason,
    }),
    expect: only(['coordinator'], 404),
  },
  'POST /api/v1/agreements/{id}/complete': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.agreementId}/complete`,
      body: { outcome: 'graduated_on_time', stayedWithEmployer: true },
    }),
    expect: only(['coordinator'], 404),
  },
  'POST /api/v1/agreements/{id}/terminate': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.agreementId}/terminate`,
      body: { reason: 'dropout', employmentContinued: false },
    }),
    expect: only(['coordinator'], 404),
  },
  'GET /api/v1/agreements/{id}/signatures': {
    request: (a) => get(`/agreements/${a.agreementId}/signatures`)(),
    expect: HIDDEN,
  },
  'POST /api/v1/agreements/{id}/signatures': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.pendingAgreementId}/signatures`,
      body: { contentHash: a.pendingHash },
    }),
    expect: HIDDEN,
  },
  'POST /api/v1/agreements/{id}/decline': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.pendingAgreementId}/decline`,
      body: reason,
    }),
    expect: HIDDEN,
  },
  'POST /api/v1/agreements/{id}/signing-links': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/agreements/${a.pendingAgreementId}/signing-links`,
      body: { party: 'employer', email: 'probe@test.local', name: 'Probe' },
    }),
    expect: only(['coordinator'], 404),
  },
  'GET /api/v1/agreements/{id}/messages': {
    request: (a) => get(`/agreements/${a.agreementId}/messages`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/agreements/{id}/events': {
    request: (a) => get(`/agreements/${a.agreementId}/events`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/agreements/{id}/documents': {
    request: (a) => get(`/agreements/${a.agreementId}/documents`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/documents/{id}': {
    request: (a) => get(`/documents/${a.signedDocumentId}`)(),
    expect: HIDDEN,
  },
  'GET /api/v1/documents/{id}/content': {
    request: (a) => get(`/documents/${a.signedDocumentId}/content`)(),
    expect: HIDDEN,
  },
};
