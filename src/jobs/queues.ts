/** Every queue and job kind, in one place. Job keys derive from what a job produces. */
export const QUEUES = {
  imports: 'imports',
  documents: 'documents',
  matching: 'matching',
  webhooks: 'webhooks',
  mail: 'mail',
} as const;

export const JOBS = {
  studentImport: 'student-import',
  renderPreview: 'render-preview',
  sealAgreement: 'seal-agreement',
  matchingRun: 'matching-run',
  webhookAttempt: 'webhook-attempt',
  sendMessage: 'send-message',
} as const;

export const ALL_QUEUES = Object.values(QUEUES);

/** One job per key: asking twice for the same product changes nothing. */
export const jobKeys = {
  studentImport: (importId: string) => `student-import-${importId}`,
  preview: (agreementId: string, version: number) => `preview-${agreementId}-v${version}`,
  seal: (agreementId: string, version: number) => `seal-${agreementId}-v${version}`,
  matchingRun: (runId: string) => `matching-run-${runId}`,
  /** One job per attempt: a retry or a redelivery is the delivery's next attempt number. */
  webhookAttempt: (deliveryId: string, attempt: number) => `webhook-${deliveryId}-a${attempt}`,
  /**
   * A redelivery's first attempt, keyed by the request: the attempt's number may already have a
   * job (scheduled before the delivery was cancelled, and skipped since).
   */
  /** One job per message: its retries are the job path's. */
  sendMessage: (messageId: string) => `message-${messageId}`,
  webhookRedelivery: (deliveryId: string, attempt: number, requestId: string) =>
    `webhook-${deliveryId}-a${attempt}-redelivery-${requestId}`,
};
