import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '@app/common';
import { ChainedEvent, chainNext, verifyChain } from './event-chain';
import { AgreementEvent } from './entities/agreement-event.entity';

/** Who did it, as the trail shows it. */
export interface EventActor {
  kind: 'user' | 'api_key' | 'signing_link' | 'system';
  id: string | null;
  name: string | null;
}

export interface EventEntry {
  action: string;
  from: string | null;
  to: string | null;
  versionNumber: number | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

export interface EventView {
  seq: number;
  at: string;
  actor: { kind: string; id: string | null; name: string | null };
  action: string;
  from: string | null;
  to: string | null;
  version: number | null;
  reason: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * Appends hash-chained events. Call with the agreement row locked (FOR UPDATE), so the next seq
 * is this transaction's alone; the unique (agreement_id, seq) index backs that up.
 */
@Injectable()
export class AgreementEventsService {
  async append(
    manager: EntityManager,
    agreementId: string,
    actor: EventActor,
    at: Date,
    entry: EventEntry,
  ): Promise<void> {
    const last = await manager.findOne(AgreementEvent, {
      where: { agreementId },
      order: { seq: 'DESC' },
      select: { seq: true, hash: true },
    });
    const event = chainNext(last, {
      agreementId,
      at: at.toISOString(),
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: entry.action,
      fromStatus: entry.from,
      toStatus: entry.to,
      versionNumber: entry.versionNumber,
      reason: entry.reason ?? null,
      data: entry.data ?? {},
    });
    // jsonb data is plain JSON; TypeORM's deep-partial type cannot express Record<string, unknown>.
    await manager.insert(AgreementEvent, { id: newId(), ...event, at } as never);
  }

  async list(
    manager: EntityManager,
    agreementId: string,
  ): Promise<{ data: EventView[]; chainValid: boolean }> {
    const rows = await manager.find(AgreementEvent, {
      where: { agreementId },
      order: { seq: 'ASC' },
    });
    const chained: ChainedEvent[] = rows.map((r) => ({
      agreementId: r.agreementId,
      seq: r.seq,
      at: r.at.toISOString(),
      actorKind: r.actorKind,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      versionNumber: r.versionNumber,
      reason: r.reason,
      data: r.data,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
    return {
      data: chained.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: { kind: e.actorKind, id: e.actorId, name: e.actorName },
        action: e.action,
        from: e.fromStatus,
        to: e.toStatus,
        version: e.versionNumber,
        reason: e.reason,
        data: e.data,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
      chainValid: verifyChain(chained).valid,
    };
  }
}
