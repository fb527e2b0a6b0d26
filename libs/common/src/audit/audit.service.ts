import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { newId } from '../database/base.entity';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  resourceType: string;
  resourceId: string;
  action: string;
  universityId?: string | null;
  data?: Record<string, unknown>;
}

export type Actor = Pick<Principal, 'kind' | 'id'> | { kind: 'system'; id: null };

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null };

/** Writes audit events inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      id: newId(),
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      action: entry.action,
      actorKind: actor.kind,
      actorId: actor.id,
      universityId: entry.universityId ?? null,
      data: (entry.data ?? {}) as object,
    });
  }
}
