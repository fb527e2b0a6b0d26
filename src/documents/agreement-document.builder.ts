import type {
  AgreementDocument,
  DocumentParty,
  DocumentTerms,
  Language,
} from '@app/agreement-pdf/agreement-document';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import {
  AgreementDocumentsSource,
  DueAction,
  VersionRecord,
} from '../agreements/agreement-documents.source';
import type { AgreementTerms } from '../agreements/agreement-terms.types';
import type { PartiesSnapshot } from '../agreements/content-hash';
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
    private readonly agreements: AgreementDocumentsSource,
  ) {}

  async build(manager: EntityManager, doc: StoredDocument): Promise<AgreementDocument> {
    const version = await this.frozenVersion(manager, doc);
    const parties = version.parties as PartiesSnapshot;
    const events = await this.trail(manager, doc.kind, version);
    // A preview shows the version as submitted: signatures arriving later are not part of it.
    const signatures =
      doc.kind === 'preview'
        ? []
        : await this.agreements.signatures(manager, doc.agreementId, version.number);
    return {
      agreementId: doc.agreementId,
      version: version.number,
      contentHash: version.contentHash!,
      language: version.language,
      verificationReference: `${this.config.publicBaseUrl}/verify · ref ${doc.id}`,
      programme: {
        name: parties.programme.name,
        crohoCode: parties.programme.crohoCode,
        degree: parties.programme.degree === 'associate' ? 'associate' : 'bachelor',
      },
      cohort: parties.cohort,
      parties: documentParties(parties, version.language),
      supervisor: parties.supervisor,
      terms: documentTerms(version.terms),
      minimumWageRises: version.minimumWageRises.map((r) => ({
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
  async signingTime(manager: EntityManager, doc: StoredDocument): Promise<Date> {
    const version = await this.frozenVersion(manager, doc);
    if (!version.activatedAt) throw new DocumentNotDueError('the version is not in force');
    return version.activatedAt;
  }

  private async frozenVersion(manager: EntityManager, doc: StoredDocument): Promise<VersionRecord> {
    const version = await this.agreements.version(manager, doc.agreementId, doc.versionNumber);
    if (!version) {
      throw new Error(`Agreement ${doc.agreementId} has no version ${doc.versionNumber}`);
    }
    if (!version.contentHash || !version.parties) {
      throw new DocumentNotDueError(`version ${version.number} is not frozen (${version.status})`);
    }
    return version;
  }

  /**
   * The audit trail up to the event that made the document due: the version's submission
   * (preview) or activation (signed).
   */
  private async trail(manager: EntityManager, kind: DocumentKind, version: VersionRecord) {
    const action: DueAction = kind === 'preview' ? 'submitted' : 'activated';
    const events = await this.agreements.trailUntil(
      manager,
      version.agreementId,
      version.number,
      action,
    );
    if (!events) {
      throw new DocumentNotDueError(`version ${version.number} has no ${action} event yet`);
    }
    return events;
  }
}

/** The terms as the document prints them: the render model names no ids or classifications. */
export function documentTerms(t: AgreementTerms): DocumentTerms {
  return {
    startDate: t.startDate,
    endDate: t.endDate,
    employment: {
      contractType: t.employment.contractType,
      contractMonths: t.employment.contractMonths,
      hoursPerWeek: t.employment.hoursPerWeek,
      grossMonthlySalaryCents: t.employment.grossMonthlySalaryCents,
      functionTitle: t.employment.functionTitle,
    },
    workplace: { location: t.workplace.location },
    studySupport: {
      paidStudyHoursPerWeek: t.studySupport.paidStudyHoursPerWeek,
      tuitionReimbursedPercent: t.studySupport.tuitionReimbursedPercent,
      costsCovered: [...t.studySupport.costsCovered],
      schoolDays: [...t.studySupport.schoolDays],
    },
    repayment: t.repayment
      ? {
          percent: t.repayment.percent,
          monthsAfterGraduation: t.repayment.monthsAfterGraduation,
          linearDecline: t.repayment.linearDecline,
        }
      : null,
    monitoring: {
      progressMeetingEveryWeeks: t.monitoring.progressMeetingEveryWeeks,
      workplaceVisitsPerYear: t.monitoring.workplaceVisitsPerYear,
    },
    competences: t.competences.map((c) => ({ name: c.name, assessment: c.assessment })),
    termination: {
      noticeWeeks: t.termination.noticeWeeks,
      earlyTerminationGrounds: [...t.termination.earlyTerminationGrounds],
    },
  };
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
