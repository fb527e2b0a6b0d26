/** Every queue and job name, in one place. Job ids derive from what a job produces. */
export const QUEUES = {
  imports: 'imports',
  documents: 'documents',
  matching: 'matching',
} as const;

export const JOBS = {
  studentImport: 'student-import',
  renderPreview: 'render-preview',
  sealAgreement: 'seal-agreement',
  matchingRun: 'matching-run',
} as const;

export const ALL_QUEUES = Object.values(QUEUES);

export const jobIds = {
  studentImport: (importId: string) => `student-import-${importId}`, // BullMQ refuses one ':' in a custom id
  preview: (agreementId: string, version: number) => `preview-${agreementId}-v${version}`,
  seal: (agreementId: string, version: number) => `seal-${agreementId}-v${version}`,
  matchingRun: (runId: string) => `matching-run-${runId}`,
};
