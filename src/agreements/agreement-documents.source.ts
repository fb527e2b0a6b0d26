import { findInScope, Principal } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AGREEMENT_SCOPE } from './agreement-scope';
import type { AgreementTerms } from './agreement-terms.types';
import type { PartiesSnapshot } from './content-hash';
import type { Party } from './dto/agreement.dto';
import { AgreementEvent } from './entities/agreement-event.entity';
import { AgreementSignature, SignatureMethod } from './entities/agreement-signature.entity';
import type { VersionStatus } from './agreement-lifecycle';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement, AgreementLanguage } from './entities/agreement.entity';
import type { MinimumWageRise } from './minimum-wage';

/** A version as a document shows it: frozen content once submitted (contentHash and parties set). */
export interface VersionRecord {
  agreementId: string;
  number: number;
  status: VersionStatus;
  language: AgreementLanguage;
  terms: AgreementTerms;
  /** Null until the version is submitted. */
  parties: PartiesSnapshot | null;
  /** Null until the version is submitted. */
  contentHash: string | null;
  minimumWageRises: MinimumWageRise[];
  /** When it came into force; null until the last signature. */
  activatedAt: Date | null;
}

export interface SignatureRecord {
  party: Party;
  signerName: string;
  signerEmail: string;
  signedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  method: SignatureMethod;
  contentHash: string;
}

export interface TrailEntry {
  seq: number;
  at: Date;
  actorKind: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
}

/** The audit-trail facts that make a version's documents due. */
export type DueAction = 'submitted' | 'activated';

/**
 * The agreements module's read port for documents: a version's frozen content, its signatures and
 * audit trail, and which versions of an agreement a caller may read. Every method runs in the
 * caller's EntityManager (the document job reads all of it in one REPEATABLE READ snapshot).
 */
@Injectable()
export class AgreementDocumentsSource {
  /** The student the agreement is for and the student's university; null when there is no such agreement. */
  async owner(
    manager: EntityManager,
    agreementId: string,
  ): Promise<{ universityId: string; studentId: string } | null> {
    const a = await manager.findOne(Agreement, {
      where: { id: agreementId },
      select: { id: true, universityId: true, studentId: true },
    });
    return a ? { universityId: a.universityId, studentId: a.studentId } : null;
  }

  async version(
    manager: EntityManager,
    agreementId: string,
    number: number,
  ): Promise<VersionRecord | null> {
    const v = await manager.findOne(AgreementVersion, { where: { agreementId, number } });
    if (!v) return null;
    return {
      agreementId: v.agreementId,
      number: v.number,
      status: v.status,
      language: v.language,
      terms: v.terms,
      parties: v.parties,
      contentHash: v.contentHash,
      minimumWageRises: v.minimumWageRises ?? [],
      activatedAt: v.activatedAt,
    };
  }

  /** The version's signatures, first signed first. */
  async signatures(
    manager: EntityManager,
    agreementId: string,
    number: number,
  ): Promise<SignatureRecord[]> {
    const rows = await manager.find(AgreementSignature, {
      where: { agreementId, versionNumber: number },
      order: { signedAt: 'ASC', id: 'ASC' },
    });
    return rows.map((s) => ({
      party: s.party,
      signerName: s.signerName,
      signerEmail: s.signerEmail,
      signedAt: s.signedAt,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      method: s.method,
      contentHash: s.contentHash,
    }));
  }

  /**
   * The agreement's audit trail up to and including the version's latest `action` event (what
   * the document speaks of), oldest first; null while the version has no such event.
   */
  async trailUntil(
    manager: EntityManager,
    agreementId: string,
    number: number,
    action: DueAction,
  ): Promise<TrailEntry[] | null> {
    const due = await manager.findOne(AgreementEvent, {
      where: { agreementId, versionNumber: number, action },
      order: { seq: 'DESC' },
    });
    if (!due) return null;
    const events = await manager
      .getRepository(AgreementEvent)
      .createQueryBuilder('e')
      .where('e.agreement_id = :id AND e.seq <= :seq', { id: agreementId, seq: due.seq })
      .orderBy('e.seq', 'ASC')
      .getMany();
    return events.map((e) => ({
      seq: e.seq,
      at: e.at,
      actorKind: e.actorKind,
      actorName: e.actorName,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
    }));
  }

  /**
   * Which versions of the agreement the caller may read; NotFoundError('Agreement') when the
   * agreement is outside their scope. A host company reads the versions that name it as host,
   * and only those: after a re-secondment the former host keeps what it signed but does not read
   * its successor's. Every other reader in the agreement's scope reads every version.
   */
  async readableVersions(
    manager: EntityManager,
    principal: Principal,
    agreementId: string,
  ): Promise<(version: number) => boolean> {
    const agreement = await findInScope(
      manager,
      Agreement,
      agreementId,
      principal,
      AGREEMENT_SCOPE,
      {
        resource: 'Agreement',
      },
    );
    if (principal.role !== 'company_rep' || agreement.employerCompanyId === principal.companyId) {
      return () => true;
    }
    const companyId = principal.companyId;
    if (!companyId) return () => false;
    const rows = await manager.find(AgreementVersion, {
      select: { number: true },
      where: { agreementId: agreement.id, hostCompanyId: companyId },
    });
    const numbers = new Set(rows.map((r) => r.number));
    return (version) => numbers.has(version);
  }
}
