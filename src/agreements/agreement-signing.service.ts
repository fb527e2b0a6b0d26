import {
  ConflictError,
  DomainEvents,
  ForbiddenError,
  isUniqueViolation,
  newId,
  Principal,
} from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  AGREEMENT_EVENTS,
  AgreementDeclined,
  agreementFact,
  AgreementSigned,
  AgreementVersionActivated,
} from './agreement-domain-events';
import { AgreementEventsService, EventActor } from './agreement-events.service';
import { decide, nextVersionStatus } from './agreement-lifecycle';
import { partyOf, requiredParties } from './agreement-scope';
import { AgreementStore } from './agreement-store';
import { AgreementView, AgreementViews } from './agreement-view';
import { DeclineDto, Party, SignDto } from './dto/agreement.dto';
import { AgreementSignature, SignatureMethod } from './entities/agreement-signature.entity';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement } from './entities/agreement.entity';

export interface SignerEvidence {
  name: string;
  email: string;
  userId: string | null;
  signingLinkId: string | null;
  method: SignatureMethod;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Signing and declining the pending version, as an account holder or through a signing link.
 * The agreement row is locked, so concurrent signers queue and exactly one sees the last signature.
 */
@Injectable()
export class AgreementSigningService {
  constructor(
    @InjectEntityManager() private readonly entityManager: EntityManager,
    private readonly store: AgreementStore,
    private readonly views: AgreementViews,
    private readonly events: AgreementEventsService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async signAsAccount(
    principal: Principal,
    id: string,
    dto: SignDto,
    req: RequestInfo,
  ): Promise<AgreementView> {
    return this.entityManager.transaction(async (manager) => {
      const a = await this.store.lock(manager, principal, id);
      const party = await this.callerParty(manager, principal, a, dto.party);
      const actor = await this.store.actor(manager, principal);
      await this.sign(manager, a, party, dto.contentHash, actor, {
        name: actor.name ?? 'unknown',
        email: actor.email ?? '',
        userId: principal.id,
        signingLinkId: null,
        method: 'account',
        ipAddress: req.ip,
        userAgent: req.userAgent,
      });
      const [view] = await this.views.build(manager, [a]);
      return view;
    });
  }

  async declineAsAccount(
    principal: Principal,
    id: string,
    dto: DeclineDto,
  ): Promise<AgreementView> {
    return this.entityManager.transaction(async (manager) => {
      const a = await this.store.lock(manager, principal, id);
      const party = await this.callerParty(manager, principal, a, dto.party);
      await this.decline(manager, a, party, dto.reason, await this.store.actor(manager, principal));
      const [view] = await this.views.build(manager, [a]);
      return view;
    });
  }

  /** Signs the current version for `party`; on the last required signature, activates it. */
  async sign(
    manager: EntityManager,
    a: Agreement,
    party: Party,
    hash: string,
    actor: EventActor,
    evidence: SignerEvidence,
  ): Promise<void> {
    const v = await this.store.version(manager, a.id, a.currentVersionNumber);
    decide(a.status, v.status, 'sign');
    if (v.contentHash !== hash) {
      throw new ConflictError(
        `You signed content ${hash.slice(0, 12)}…, but version ${v.number} has content hash ${v.contentHash}: reload the agreement and read it again before signing.`,
        'content-hash-mismatch',
        { currentContentHash: v.contentHash, version: v.number },
      );
    }
    const signed = await manager.find(AgreementSignature, {
      where: { versionId: v.id },
      select: { party: true },
    });
    if (signed.some((s) => s.party === party)) throw alreadySigned(party, v.number);
    const now = this.store.now();
    await this.insertSignature(manager, a, v, party, hash, evidence, now);
    await this.events.append(manager, a.id, actor, now, {
      action: 'signed',
      from: v.status,
      to: v.status,
      versionNumber: v.number,
      data: { party, method: evidence.method, contentHash: hash },
    });
    await this.domainEvents.publish<AgreementSigned>(manager, {
      type: AGREEMENT_EVENTS.signed,
      ...agreementFact(a),
      version: v.number,
      contentHash: hash,
      party,
      method: evidence.method,
      signedAt: now.toISOString(),
    });
    const done = new Set([...signed.map((s) => s.party), party]);
    if (requiredParties(a).every((p) => done.has(p)))
      await this.activate(manager, a, v, actor, now);
  }

  /** A party declines with a reason: the version is declined and a new draft carries its terms. */
  async decline(
    manager: EntityManager,
    a: Agreement,
    party: Party,
    reason: string,
    actor: EventActor,
  ): Promise<void> {
    const v = await this.store.version(manager, a.id, a.currentVersionNumber);
    const step = decide(a.status, v.status, 'decline');
    const now = this.store.now();
    await manager.update(
      AgreementVersion,
      { id: v.id },
      { status: 'declined', declineReason: reason, closedAt: now },
    );
    const number = await this.store.insertDraft(manager, a, {
      terms: v.terms,
      language: v.language,
      hostCompanyId: v.hostCompanyId,
    });
    if (step.agreement.to !== a.status)
      await this.store.save(manager, a, { status: step.agreement.to });
    await this.events.append(manager, a.id, actor, now, {
      action: 'declined',
      from: step.agreement.from,
      to: step.agreement.to,
      versionNumber: v.number,
      reason,
      data: { party, newDraftVersion: number },
    });
    await this.domainEvents.publish<AgreementDeclined>(manager, {
      type: AGREEMENT_EVENTS.declined,
      ...agreementFact(a),
      version: v.number,
      party,
      reason,
    });
  }

  private async insertSignature(
    manager: EntityManager,
    a: Agreement,
    v: AgreementVersion,
    party: Party,
    hash: string,
    e: SignerEvidence,
    now: Date,
  ) {
    try {
      await manager.insert(AgreementSignature, {
        id: newId(),
        agreementId: a.id,
        versionId: v.id,
        versionNumber: v.number,
        party,
        signerName: e.name,
        signerEmail: e.email,
        signerUserId: e.userId,
        signingLinkId: e.signingLinkId,
        signedAt: now,
        ipAddress: e.ipAddress,
        userAgent: e.userAgent,
        method: e.method,
        contentHash: hash,
      });
    } catch (error) {
      throw isUniqueViolation(error) ? alreadySigned(party, v.number) : error;
    }
  }

  /** The last signature: the version comes into force, the one before is superseded (subscribers queue the seal). */
  private async activate(
    manager: EntityManager,
    a: Agreement,
    v: AgreementVersion,
    actor: EventActor,
    now: Date,
  ) {
    const step = decide(a.status, v.status, 'activate');
    const previous = a.inForceVersionNumber;
    if (previous !== null) {
      const old = await this.store.version(manager, a.id, previous);
      await manager.update(
        AgreementVersion,
        { id: old.id },
        { status: nextVersionStatus(old.status, 'supersede'), closedAt: now },
      );
    }
    await manager.update(AgreementVersion, { id: v.id }, { status: 'active', activatedAt: now });
    await this.store.save(manager, a, {
      status: step.agreement.to,
      inForceVersionNumber: v.number,
      hostCompanyId: v.hostCompanyId,
    });
    await this.domainEvents.publish<AgreementVersionActivated>(manager, {
      type: AGREEMENT_EVENTS.versionActivated,
      ...agreementFact(a),
      version: v.number,
      contentHash: v.contentHash!,
    });
    await this.events.append(manager, a.id, actor, now, {
      action: 'activated',
      from: step.agreement.from,
      to: step.agreement.to,
      versionNumber: v.number,
      data: { supersededVersion: previous },
    });
  }

  /**
   * The caller's own party in the current version (its host may be a new one: a re-secondment);
   * admins and integrations sign for no one.
   */
  private async callerParty(
    manager: EntityManager,
    principal: Principal,
    a: Agreement,
    asked?: Party,
  ): Promise<Party> {
    const current = await this.store.version(manager, a.id, a.currentVersionNumber);
    const party = partyOf(principal, a, current.hostCompanyId);
    if (!party)
      throw new ForbiddenError(
        `Your role (${principal.role}) does not sign for any party of this agreement.`,
      );
    if (asked && asked !== party)
      throw new ForbiddenError(`You may only act for the ${party}, not for the ${asked}.`);
    return party;
  }
}

function alreadySigned(party: Party, version: number): ConflictError {
  return new ConflictError(
    `The ${party} has already signed version ${version}.`,
    'already-signed',
    { party, version },
  );
}
