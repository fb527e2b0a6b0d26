import { DomainEvents } from '@app/common';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AgreementDocumentsSource } from '../agreements/agreement-documents.source';
import type { DocumentReady } from '../documents/document-domain-events';
import { MailOutbox } from './mail-outbox';

/** One message per address: a person who signed for two parties hears of it once. */
export function uniqueRecipients<T extends { signerEmail: string }>(signatures: T[]): T[] {
  const seen = new Set<string>();
  return signatures.filter((s) => {
    const key = s.signerEmail.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * E-mail that follows from other modules' domain events, written in the publisher's
 * transaction: a sealed PDF ready (`document.ready` of kind `signed`) tells every signatory.
 */
@Injectable()
export class MailEventSources implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly agreements: AgreementDocumentsSource,
    private readonly outbox: MailOutbox,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<DocumentReady>('document.ready', async (manager, event) => {
      if (event.kind === 'signed') await this.sealed(manager, event);
    });
  }

  private async sealed(manager: EntityManager, event: DocumentReady): Promise<void> {
    // One after the other: both run on the publisher's transaction (one connection).
    const version = await this.agreements.version(manager, event.agreementId, event.version);
    if (!version?.parties) return;
    const signatures = await this.agreements.signatures(manager, event.agreementId, event.version);
    for (const signature of uniqueRecipients(signatures)) {
      await this.outbox.agreementSealed(manager, {
        agreementId: event.agreementId,
        universityId: event.universityId,
        language: version.language,
        recipient: { name: signature.signerName, email: signature.signerEmail },
        data: {
          student: version.parties.student.name,
          employer: version.parties.employer.name,
          version: event.version,
          sha256: event.sha256,
          // What the link at send time is made of: an account holder's goes to the PDF in the
          // API, an account-less signer's to a receipt for their party only.
          party: signature.party,
          signedWith: signature.method,
          documentId: event.documentId,
        },
      });
    }
  }
}
