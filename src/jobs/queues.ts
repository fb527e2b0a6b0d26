/** Every queue and job name, in one place. Job ids derive from what a job produces. */
export const QUEUES = {
  imports: 'imports',
} as const;

export const JOBS = {
  studentImport: 'student-import',
} as const;

export const ALL_QUEUES = Object.values(QUEUES);

export const jobIds = {
  studentImport: (importId: string) => `student-import-${importId}`, // BullMQ refuses one ':' in a custom id
};
