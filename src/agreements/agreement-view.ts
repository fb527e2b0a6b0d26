import type { AgreementTerms } from '@app/agreement-pdf/agreement-document';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { FieldError } from '@app/common';
import { requiredParties } from './agreement-scope';
import type { Party } from './dto/agreement.dto';
import { AgreementSignature } from './entities/agreement-signature.entity';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement } from './entities/agreement.entity';
import type { MinimumWageRise } from './minimum-wage';

export interface VersionView {
  number: number;
  status: string;
  contentHash: string | null;
  terms: AgreementTerms;
  parties: unknown;
  submittedAt: Date | null;
  activatedAt: Date | null;
  declineReason: string | null;
  /** Dates from which the salary must rise to the statutory minimum (see the version entity). */
  minimumWageRises: MinimumWageRise[];
}

export interface SigningState {
  version: number;
  pendingSince: Date | null;
  signed: { party: string; signerName: string; signedAt: Date; method: string }[];
  awaited: Party[];
}

export interface PartyView {
  id: string;
  name: string;
  type?: 'company' | 'foundation';
}

export interface AgreementView {
  id: string;
  status: string;
  version: number;
  language: string;
  studentId: string;
  universityId: string;
  employer: { type: 'company' | 'foundation'; id: string };
  hostCompanyId: string | null;
  parties: {
    student: PartyView;
    university: PartyView;
    employer: PartyView;
    host: PartyView | null;
  };
  currentVersion: VersionView;
  inForceVersion: VersionView | null;
  signing: SigningState | null;
  outcome: string | null;
  stayedWithEmployer: boolean | null;
  terminationReason: string | null;
  employmentContinued: boolean | null;
  closingNote: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  warnings?: FieldError[];
}

export function toVersionView(v: AgreementVersion): VersionView {
  return {
    number: v.number,
    status: v.status,
    contentHash: v.contentHash,
    terms: v.terms,
    parties: v.parties,
    submittedAt: v.submittedAt,
    activatedAt: v.activatedAt,
    declineReason: v.declineReason,
    minimumWageRises: v.minimumWageRises ?? [],
  };
}

interface Names {
  id: string;
  student_name: string;
  university_name: string;
  employer_name: string;
  host_name: string | null;
}

/** Builds read models for loaded agreements with three batched queries, whatever the page size. */
@Injectable()
export class AgreementViews {
  async build(manager: EntityManager, agreements: Agreement[]): Promise<AgreementView[]> {
    if (agreements.length === 0) return [];
    const ids = agreements.map((a) => a.id);
    const versions = await manager.find(AgreementVersion, { where: { agreementId: In(ids) } });
    const pendingIds = versions.filter((v) => v.status === 'pending_signatures').map((v) => v.id);
    const signatures = pendingIds.length
      ? await manager.find(AgreementSignature, {
          where: { versionId: In(pendingIds) },
          order: { signedAt: 'ASC' },
        })
      : [];
    const names: Names[] = await manager.query(
      `SELECT a.id, s.first_name || ' ' || s.last_name AS student_name, u.name AS university_name,
              COALESCE(ec.name, f.name) AS employer_name, h.name AS host_name
         FROM agreements a
         JOIN students s ON s.id = a.student_id
         JOIN universities u ON u.id = a.university_id
         LEFT JOIN companies ec ON ec.id = a.employer_company_id
         LEFT JOIN foundations f ON f.id = a.employer_foundation_id
         LEFT JOIN companies h ON h.id = a.host_company_id
        WHERE a.id = ANY($1)`,
      [ids],
    );
    return agreements.map((a) =>
      this.one(
        a,
        versions,
        signatures,
        names.find((n) => n.id === a.id)!,
      ),
    );
  }

  private one(
    a: Agreement,
    versions: AgreementVersion[],
    signatures: AgreementSignature[],
    n: Names,
  ): AgreementView {
    const find = (num: number | null) =>
      versions.find((v) => v.agreementId === a.id && v.number === num);
    const current = find(a.currentVersionNumber)!;
    const inForce = find(a.inForceVersionNumber);
    const employerId = (a.employerCompanyId ?? a.employerFoundationId)!;
    return {
      id: a.id,
      status: a.status,
      version: a.version,
      language: a.language,
      studentId: a.studentId,
      universityId: a.universityId,
      employer: { type: a.employerType, id: employerId },
      hostCompanyId: a.hostCompanyId,
      parties: {
        student: { id: a.studentId, name: n.student_name },
        university: { id: a.universityId, name: n.university_name },
        employer: { id: employerId, name: n.employer_name, type: a.employerType },
        host: a.hostCompanyId ? { id: a.hostCompanyId, name: n.host_name ?? '' } : null,
      },
      currentVersion: toVersionView(current),
      inForceVersion: inForce ? toVersionView(inForce) : null,
      signing:
        current.status === 'pending_signatures' ? signingState(a, current, signatures) : null,
      outcome: a.outcome,
      stayedWithEmployer: a.stayedWithEmployer,
      terminationReason: a.terminationReason,
      employmentContinued: a.employmentContinued,
      closingNote: a.closingNote,
      closedAt: a.closedAt,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  }
}

/** Who signed the pending version and who is still awaited, and since when. */
export function signingState(
  a: Agreement,
  v: AgreementVersion,
  all: AgreementSignature[],
): SigningState {
  const signed = all.filter((s) => s.versionId === v.id);
  const done = new Set(signed.map((s) => s.party));
  return {
    version: v.number,
    pendingSince: v.submittedAt,
    signed: signed.map((s) => ({
      party: s.party,
      signerName: s.signerName,
      signedAt: s.signedAt,
      method: s.method,
    })),
    awaited: requiredParties(a).filter((p) => !done.has(p)),
  };
}
