export { nextRetryDelayMs, parseRetryDelays } from './retry-schedule';
export { SecretBox, secretBoxKey } from './secret-box';
export { generateWebhookSecret, signatureHeader, webhookHeaders } from './standard-webhooks';
export { ForbiddenTargetError, isForbiddenAddress, resolveTarget } from './target-guard';
export type { ResolvedTarget } from './target-guard';
export { sendWebhook } from './webhook-sender';
export type { SendResult, SendWebhookInput } from './webhook-sender';
