/**
 * The events a student information system can subscribe to (API.md, "webhooks"). An endpoint
 * names the ones it wants; each is written to the outbox in the transaction of the change that
 * causes it (webhook-outbox.ts) and delivered to every active endpoint of the student's
 * university that asked for it. `import.failed` is ours, beside API.md's list.
 */
export const WEBHOOK_EVENT_TYPES = [
  'agreement.submitted',
  'agreement.signed',
  'agreement.activated',
  'agreement.declined',
  'agreement.amended',
  'agreement.completed',
  'agreement.terminated',
  'document.ready',
  'import.completed',
  'import.failed',
  'match.accepted',
  'secondment.started',
  'secondment.ended',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
