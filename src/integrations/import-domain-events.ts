import type { DomainEvent } from '@app/common';

/**
 * What happens to a student import that other modules react to (webhooks), published through
 * DomainEvents in the worker's transaction that finishes the import.
 */
export const IMPORT_EVENTS = {
  /** The import's students are written: the counts say what changed. */
  completed: 'import.completed',
  /** The import's job failed for good; nothing of it was written (an operator may retry it). */
  failed: 'import.failed',
} as const;

interface ImportFact {
  importId: string;
  /** The university whose students the import writes: who may hear of it. */
  universityId: string;
}

export interface ImportCompleted extends DomainEvent<typeof IMPORT_EVENTS.completed>, ImportFact {
  status: 'completed';
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused (each is in the import's `errors`); the others were written. */
  rejected: number;
}

export interface ImportFailed extends DomainEvent<typeof IMPORT_EVENTS.failed>, ImportFact {
  reason: string;
}

export type ImportDomainEvent = ImportCompleted | ImportFailed;
