import { assertRole, DomainEvents, Principal } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  AGREEMENT_EVENTS,
  AgreementCompleted,
  AgreementDomainEvent,
  agreementFact,
  AgreementTerminated,
  AgreementVersionSubmitted,
} from './agreement-domain-events';
import { AgreementEventsService } from './agreement-events.service';
import { AgreementAction, decide, hasOpenVersion } from './agreement-lifecycle';
import { AgreementStore } from './agreement-store';
import { AgreementView, AgreementViews } from './agreement-view';
import { DRIVERS } from './agreements.service';
import { contentHash } from './content-hash';
import {
  AmendDto,
  CompleteDto,
  OptionalReasonDto,
  ReasonDto,
  TerminateDto,
} from './dto/agreement.dto';
import { plainTerms } from './dto/terms.dto';
import { AgreementVersion } from './entities/agreement-version.entity';
import { Agreement, AgreementLanguage } from './entities/agreement.entity';
import type { AgreementTerms } from './agreement-terms.types';

/** What a transition did: what its trail entry records, and the fact it publishes, if any. */
interface Done {
  data: Record<string, unknown>;
  event?: AgreementDomainEvent;
}

type Work = (
  manager: EntityManager,
  a: Agreement,
  current: AgreementVersion,
  now: Date,
) => Promise<Done>;

/**
 * The coordinator's transitions: submit, cancel, amend, withdraw, complete, terminate. Each runs
 * in one transaction with the agreement row locked, asks the lifecycle table, and appends an
 * event carrying the caller's reason (required for cancel and withdraw, optional otherwise).
 */
@Injectable()
export class AgreementTransitionsService {
  constructor(
    @InjectEntityManager() private readonly entityManager: EntityManager,
    private readonly store: AgreementStore,
    private readonly views: AgreementViews,
    private readonly events: AgreementEventsService,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** Freezes the current draft: rules re-checked, parties snapshotted, content hashed (subscribers queue the preview). */
  submit(principal: Principal, id: string, dto: OptionalReasonDto = {}): Promise<AgreementView> {
    const reason = dto.reason ?? null;
    return this.run(principal, id, 'submit', 'submitted', reason, async (manager, a, v, now) => {
      const keys = { ...a, hostCompanyId: v.hostCompanyId }; // the version's own host
      // A draft prefilled for a student placed "on the bench" names no host yet: name one first.
      await this.store.assertHost(manager, a, v.hostCompanyId);
      // The rules run again on today's data (a date of birth may have been added): the frozen
      // version keeps the minimum-wage rises it is signed with.
      const check = await this.store.assertTerms(manager, keys, v.terms);
      const parties = await this.store.partiesSnapshot(manager, keys, v.terms);
      const hash = contentHash({
        agreementId: a.id,
        version: v.number,
        language: v.language,
        parties,
        terms: v.terms,
      });
      await manager.update(
        AgreementVersion,
        { id: v.id },
        {
          status: 'pending_signatures',
          parties: parties as never,
          contentHash: hash,
          submittedAt: now,
          minimumWageRises: check.minimumWageRises as never,
        },
      );
      const event: AgreementVersionSubmitted = {
        type: AGREEMENT_EVENTS.versionSubmitted,
        ...agreementFact(a),
        version: v.number,
        contentHash: hash,
      };
      return { data: { contentHash: hash }, event };
    });
  }

  cancel(principal: Principal, id: string, dto: ReasonDto): Promise<AgreementView> {
    return this.run(
      principal,
      id,
      'cancel',
      'cancelled',
      dto.reason,
      async (manager, a, v, now) => {
        await manager.update(
          AgreementVersion,
          { id: v.id },
          { status: 'cancelled', closedAt: now },
        );
        await this.store.save(manager, a, { closingNote: dto.reason, closedAt: now });
        return { data: {} };
      },
    );
  }

  /**
   * A new draft version of an active agreement; the version in force stays until it is signed.
   * Terms, language and host default to the version in force; a new host is a re-secondment.
   */
  amend(principal: Principal, id: string, dto: AmendDto): Promise<AgreementView> {
    assertRole(principal, DRIVERS, 'amend agreements');
    return this.entityManager.transaction((manager) =>
      this.amendIn(
        manager,
        principal,
        id,
        {
          terms: dto.terms ? plainTerms(dto.terms) : undefined,
          language: dto.language,
          hostCompanyId: dto.hostCompanyId,
        },
        dto.reason ?? null,
      ),
    );
  }

  /**
   * `amend` inside the caller's transaction, for use cases that amend as a consequence (a
   * re-secondment recorded by the foundation drafts the amendment with the new host). The
   * caller has checked who may do it; the agreement must still be in the caller's scope.
   */
  amendIn(
    manager: EntityManager,
    principal: Principal,
    id: string,
    change: {
      terms?: AgreementTerms;
      language?: AgreementLanguage;
      hostCompanyId?: string;
      supervisorId?: string;
    },
    reason: string | null = null,
  ): Promise<AgreementView> {
    return this.runIn(manager, principal, id, 'amend', 'amended', reason, async (m, a, v) => {
      const terms = change.terms ?? v.terms;
      const content = {
        terms: change.supervisorId
          ? { ...terms, workplace: { ...terms.workplace, supervisorId: change.supervisorId } }
          : terms,
        language: change.language ?? v.language,
        hostCompanyId: change.hostCompanyId ?? v.hostCompanyId,
      };
      if (change.hostCompanyId !== undefined)
        await this.store.assertHost(m, a, content.hostCompanyId);
      const check = await this.store.assertTerms(
        m,
        { ...a, hostCompanyId: content.hostCompanyId },
        content.terms,
      );
      const number = await this.store.insertDraft(m, a, {
        ...content,
        minimumWageRises: check.minimumWageRises,
      });
      return { data: { newVersion: number, hostCompanyId: content.hostCompanyId } };
    });
  }

  /**
   * Drops the open amendment of an active agreement (draft or awaiting signatures): it is
   * cancelled, its signatures stay unused, and the agreement points at the version in force again.
   */
  withdraw(principal: Principal, id: string, dto: ReasonDto): Promise<AgreementView> {
    return this.run(
      principal,
      id,
      'withdraw',
      'withdrawn',
      dto.reason,
      async (manager, a, v, now) => {
        await manager.update(
          AgreementVersion,
          { id: v.id },
          { status: 'cancelled', closedAt: now },
        );
        const inForce = await this.store.version(manager, a.id, a.inForceVersionNumber!);
        await this.store.pointAt(manager, a, inForce);
        return { data: { withdrawnVersion: v.number, inForceVersion: inForce.number } };
      },
    );
  }

  complete(principal: Principal, id: string, dto: CompleteDto): Promise<AgreementView> {
    const reason = dto.reason ?? null;
    return this.run(principal, id, 'complete', 'completed', reason, async (manager, a, v, now) => {
      await this.closeOpenVersion(manager, a, v, now);
      await this.store.save(manager, a, {
        outcome: dto.outcome,
        stayedWithEmployer: dto.stayedWithEmployer,
        closedAt: now,
      });
      const outcome = { outcome: dto.outcome, stayedWithEmployer: dto.stayedWithEmployer };
      const event: AgreementCompleted = {
        type: AGREEMENT_EVENTS.completed,
        ...agreementFact(a),
        ...outcome,
      };
      return { data: outcome, event };
    });
  }

  /** The trail's reason is the termination reason, with the note when one is given. */
  terminate(principal: Principal, id: string, dto: TerminateDto): Promise<AgreementView> {
    return this.run(
      principal,
      id,
      'terminate',
      'terminated',
      dto.note ? `${dto.reason}: ${dto.note}` : dto.reason,
      async (manager, a, v, now) => {
        await this.closeOpenVersion(manager, a, v, now);
        await this.store.save(manager, a, {
          terminationReason: dto.reason,
          employmentContinued: dto.employmentContinued,
          closingNote: dto.note ?? null,
          closedAt: now,
        });
        const ending = { reason: dto.reason, employmentContinued: dto.employmentContinued };
        const event: AgreementTerminated = {
          type: AGREEMENT_EVENTS.terminated,
          ...agreementFact(a),
          ...ending,
        };
        return { data: ending, event };
      },
    );
  }

  /** An amendment still open when the agreement ends is withdrawn with it; the version in force stays current. */
  private async closeOpenVersion(
    manager: EntityManager,
    a: Agreement,
    v: AgreementVersion,
    now: Date,
  ): Promise<void> {
    if (!hasOpenVersion(v.status)) return;
    await manager.update(AgreementVersion, { id: v.id }, { status: 'cancelled', closedAt: now });
    const inForce = await this.store.version(manager, a.id, a.inForceVersionNumber!);
    await this.store.pointAt(manager, a, inForce);
  }

  private run(
    principal: Principal,
    id: string,
    action: AgreementAction,
    eventName: string,
    reason: string | null,
    work: Work,
  ): Promise<AgreementView> {
    assertRole(principal, DRIVERS, `${action} agreements`);
    return this.entityManager.transaction((manager) =>
      this.runIn(manager, principal, id, action, eventName, reason, work),
    );
  }

  private async runIn(
    manager: EntityManager,
    principal: Principal,
    id: string,
    action: AgreementAction,
    eventName: string,
    reason: string | null,
    work: Work,
  ): Promise<AgreementView> {
    const a = await this.store.lock(manager, principal, id);
    const current = await this.store.version(manager, a.id, a.currentVersionNumber);
    const step = decide(a.status, current.status, action);
    const now = this.store.now();
    const { data, event } = await work(manager, a, current, now);
    if (step.agreement.to !== a.status)
      await this.store.save(manager, a, { status: step.agreement.to });
    const actor = await this.store.actor(manager, principal);
    await this.events.append(manager, a.id, actor, now, {
      action: eventName,
      from: step.agreement.from,
      to: step.agreement.to,
      versionNumber: current.number,
      reason,
      data: { ...data, versionStatus: step.version ?? null },
    });
    // Once the transition is recorded: subscribers see the agreement as it now is.
    if (event) await this.domainEvents.publish(manager, event);
    const [view] = await this.views.build(manager, [a]);
    return view;
  }
}
