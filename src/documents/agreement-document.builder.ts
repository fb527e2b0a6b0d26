import type {
  AgreementDocument,
  DocumentParty,
  Language,
} from '@app/agreement-pdf/agreement-document';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import type { PartiesSnapshot } from '../agreements/content-hash';
import { AgreementEvent } from '../agreements/entities/agreement-event.entity';
import { AgreementSignature } from '../agreements/entities/agreement-signature.entity';
import { AgreementVersion } from '../agreements/entities/agreement-version.entity';
import { documentsConfig } from './documents.config';
import { DocumentKind, StoredDocument } from './entities/document.entity';

/** The job cannot make this document (yet): the version is not in the state the kind needs. */
export class DocumentNotDueError extends Error {}

const STUDENT_NUMBER: Record<Language, string> = { nl: 'studentnummer', en: 'student number' };

/**
 * Reads a frozen version into the plain AgreementDocument the PDF library renders. Everything
 * comes from rows that no longer change once the version is submitted (preview) or in force
 * (signed): the terms, the parties snapshot, the version's signatures and the audit trail up to
 * the event that made the document due. So a retried job renders the very same document.
 */
@Injectable()
export class AgreementDocumentBuilder {
  constructor(
    @Inject(documentsConfig.KEY) private readonly config: ConfigType<typeof documentsConfig>,
  ) {}

  async build(manager: EntityManager, doc: StoredDocument): Promise<AgreementDocument> {
    const version = await manager.findOneByOrFail(AgreementVersion, {
      agreementId: doc.agreementId,
      number: doc.versionNumber,
    });
    const dueEvent = await this.dueEvent(manager, doc.kind, version);
    const parties = version.parties as PartiesSnapshot;
    // A preview shows the version as submitted: signatures arriving later are not part of it.
    const signatures =
      doc.kind === 'preview'
        ? []
        : await manager.find(AgreementSignature, {
            where: { versionId: version.id },
            order: { signedAt: 'ASC', id: 'ASC' },
          });
    const events = await manager
      .getRepository(AgreementEvent)
      .createQueryBuilder('e')
      .where('e.agreement_id = :id AND e.seq <= :seq', { id: doc.agreementId, seq: dueEvent.seq })
      .orderBy('e.seq', 'ASC')
      .getMany();
    return {
      agreementId: doc.agreementId,
      version: version.number,
      contentHash: version.contentHash!,
      language: version.language,
      verificationReference: `${this.config.publicBaseUrl}/api/v1/verify · ref ${doc.id}`,
      programme: {
        name: parties.programme.name,
        crohoCode: parties.programme.crohoCode,
        degree: parties.programme.degree === 'associate' ? 'associate' : 'bachelor',
      },
      cohort: parties.cohort,
      parties: documentParties(parties, version.language),
      supervisor: parties.supervisor,
      terms: version.terms,
      minimumWageRises: (version.minimumWageRises ?? []).map((r) => ({
        from: r.from,
        minimumMonthlyCents: r.minimumMonthlyCents,
        age: r.age,
      })),
      signatures: signatures.map((s) => ({
        party: s.party,
        signerName: s.signerName,
        signerEmail: s.signerEmail,
        signedAt: s.signedAt.toISOString(),
        ipAddress: s.ipAddress,
        userAgent: s.userAgent,
        method: s.method,
        contentHash: s.contentHash,
      })),
      events: events.map((e) => ({
        at: e.at.toISOString(),
        actor: e.actorName ?? e.actorKind,
        action: e.action,
        from: e.fromStatus,
        to: e.toStatus,
        reason: e.reason,
      })),
    };
  }

  /** The moment the seal speaks of: when the version came into force. */
  signingTime(version: Pick<AgreementVersion, 'activatedAt'>): Date {
    if (!version.activatedAt) throw new DocumentNotDueError('the version is not in force');
    return version.activatedAt;
  }

  /** The event that made the document due: the version's submission (preview) or activation (signed). */
  private async dueEvent(
    manager: EntityManager,
    kind: DocumentKind,
    version: AgreementVersion,
  ): Promise<AgreementEvent> {
    if (!version.contentHash || !version.parties) {
      throw new DocumentNotDueError(`version ${version.number} is not frozen (${version.status})`);
    }
    const action = kind === 'preview' ? 'submitted' : 'activated';
    const event = await manager.findOne(AgreementEvent, {
      where: { agreementId: version.agreementId, versionNumber: version.number, action },
      order: { seq: 'DESC' },
    });
    if (!event) {
      throw new DocumentNotDueError(`version ${version.number} has no ${action} event yet`);
    }
    return event;
  }
}

function documentParties(p: PartiesSnapshot, language: Language): DocumentParty[] {
  const parties: DocumentParty[] = [
    {
      role: 'student',
      name: p.student.name,
      identifier: `${STUDENT_NUMBER[language]} ${p.student.studentNumber}`,
      details: [`${p.programme.name} (CROHO ${p.programme.crohoCode}), cohort ${p.cohort}`],
    },
    { role: 'university', name: p.university.name, identifier: `BRIN ${p.university.brinCode}` },
    { role: 'employer', name: p.employer.name, identifier: `KvK ${p.employer.kvkNumber}` },
  ];
  if (p.host)
    parties.push({ role: 'host', name: p.host.name, identifier: `KvK ${p.host.kvkNumber}` });
  return parties;
}
