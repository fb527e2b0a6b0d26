import type { AgreementTerms } from './agreement-terms.types';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { FieldError } from '@app/common';
import { DirectoryReads } from '../directory/directory-reads';
import { fullName, StudentReads } from '../students/student-reads';
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
  routeId: string | null;
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

/** The parties' names of one agreement, as they are today (the directory and students own them). */
interface Names {
  student: string;
  university: string;
  employer: string;
  host: string | null;
}

/** Builds read models for loaded agreements with a fixed number of batched queries, whatever the page size. */
@Injectable()
export class AgreementViews {
  constructor(
    private readonly directory: DirectoryReads,
    private readonly students: StudentReads,
  ) {}

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
    const names = await this.names(manager, agreements);
    return agreements.map((a) => this.one(a, versions, signatures, names(a)));
  }

  /** One batched lookup per kind of party for the whole page. */
  private async names(
    manager: EntityManager,
    agreements: Agreement[],
  ): Promise<(a: Agreement) => Names> {
    const present = (ids: (string | null)[]) => ids.filter((id): id is string => id !== null);
    // One after another: inside a transaction the lookups share one connection.
    const students = await this.students.studentsByIds(
      manager,
      agreements.map((a) => a.studentId),
    );
    const universities = await this.directory.universitiesByIds(
      manager,
      agreements.map((a) => a.universityId),
    );
    const companies = await this.directory.companiesByIds(
      manager,
      present(agreements.flatMap((a) => [a.employerCompanyId, a.hostCompanyId])),
    );
    const foundations = await this.directory.foundationsByIds(
      manager,
      present(agreements.map((a) => a.employerFoundationId)),
    );
    return (a) => {
      const student = students.get(a.studentId);
      const employer = a.employerCompanyId
        ? companies.get(a.employerCompanyId)
        : foundations.get(a.employerFoundationId!);
      return {
        student: student ? fullName(student) : '',
        university: universities.get(a.universityId)?.name ?? '',
        employer: employer?.name ?? '',
        host: a.hostCompanyId ? (companies.get(a.hostCompanyId)?.name ?? null) : null,
      };
    };
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
      routeId: a.routeId,
      parties: {
        student: { id: a.studentId, name: n.student },
        university: { id: a.universityId, name: n.university },
        employer: { id: employerId, name: n.employer, type: a.employerType },
        host: a.hostCompanyId ? { id: a.hostCompanyId, name: n.host ?? '' } : null,
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
