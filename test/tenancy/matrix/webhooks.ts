import { MatrixEntry, UNIVERSITY, V1, get, only } from './expectations';

/**
 * Webhooks: only a university's coordinators and integration keys manage its endpoints; A's
 * endpoint and its deliveries are not found for B's, and nobody else of B gets past @Roles.
 */
const endpoint =
  (path = '') =>
  (a: { webhookEndpointId: string }) =>
    `${V1}/webhook-endpoints/${a.webhookEndpointId}${path}`;

export const WEBHOOKS: Record<string, MatrixEntry> = {
  'POST /api/v1/webhook-endpoints': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/webhook-endpoints`,
      body: {
        url: 'http://127.0.0.1:9/tenant-b',
        events: ['agreement.signed'],
        universityId: a.universityId,
      },
    }),
    expect: only(UNIVERSITY, 404),
  },
  'GET /api/v1/webhook-endpoints': {
    request: get('/webhook-endpoints'),
    expect: only(UNIVERSITY, 200),
  },
  'GET /api/v1/webhook-endpoints/{id}': {
    request: (a) => ({ method: 'get', path: endpoint()(a) }),
    expect: only(UNIVERSITY, 404),
  },
  'DELETE /api/v1/webhook-endpoints/{id}': {
    request: (a) => ({ method: 'delete', path: endpoint()(a) }),
    expect: only(UNIVERSITY, 404),
  },
  'POST /api/v1/webhook-endpoints/{id}/rotate-secret': {
    request: (a) => ({ method: 'post', path: endpoint('/rotate-secret')(a), body: {} }),
    expect: only(UNIVERSITY, 404),
  },
  'POST /api/v1/webhook-endpoints/{id}/enable': {
    request: (a) => ({ method: 'post', path: endpoint('/enable')(a), body: {} }),
    expect: only(UNIVERSITY, 404),
  },
  'GET /api/v1/webhook-endpoints/{id}/deliveries': {
    request: (a) => ({ method: 'get', path: endpoint('/deliveries')(a) }),
    expect: only(UNIVERSITY, 404),
  },
  'GET /api/v1/webhook-deliveries/{id}': {
    request: (a) => get(`/webhook-deliveries/${a.webhookDeliveryId}`)(),
    expect: only(UNIVERSITY, 404),
  },
  'POST /api/v1/webhook-deliveries/{id}/redeliver': {
    request: (a) => ({
      method: 'post',
      path: `${V1}/webhook-deliveries/${a.webhookDeliveryId}/redeliver`,
      body: {},
    }),
    expect: only(UNIVERSITY, 404),
  },
};
