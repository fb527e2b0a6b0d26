import type { DomainEvent } from '@app/common';
import type { DocumentKind } from './entities/document.entity';

/**
 * What happens to an agreement's documents that other modules react to (webhooks), published
 * through DomainEvents in the worker's transaction that makes it happen.
 */
export const DOCUMENT_EVENTS = {
  /** A document's bytes are stored and may be downloaded (once per document: retries publish nothing). */
  ready: 'document.ready',
} as const;

export interface DocumentReady extends DomainEvent<typeof DOCUMENT_EVENTS.ready> {
  documentId: string;
  agreementId: string;
  /** The student's university: who may hear of it. */
  universityId: string;
  studentId: string;
  /** The agreement version the document shows. */
  version: number;
  /** The watermarked preview of a submitted version, or the sealed PDF of one in force. */
  kind: DocumentKind;
  /** The content hash of the agreement version (what its signatures bind to). */
  contentHash: string;
  /** SHA-256 (hex) of the PDF's bytes: a download can be checked against it. */
  sha256: string;
}

export type DocumentDomainEvent = DocumentReady;
