import { Principal } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApiKey } from './entities/api-key.entity';
import { User } from './entities/user.entity';

/** Who acted, as an audit trail or a signature records them. */
export interface ActorIdentity {
  name: string | null;
  email: string | null;
}

/** An active coordinator: who a university's weekly digest goes to. */
export interface CoordinatorRecipient {
  id: string;
  name: string;
  email: string;
  universityId: string;
}

/** The only way other modules read the identity module's tables (users, API keys). */
@Injectable()
export class IdentityReads {
  /** The name (and a user's e-mail) of the caller; nulls when the account is gone. */
  async actor(manager: EntityManager, principal: Principal): Promise<ActorIdentity> {
    if (principal.kind === 'user') {
      const user = await manager.findOne(User, {
        where: { id: principal.id },
        select: { name: true, email: true },
      });
      return { name: user?.name ?? null, email: user?.email ?? null };
    }
    const key = await manager.findOne(ApiKey, {
      where: { id: principal.id },
      select: { name: true },
    });
    return { name: key?.name ?? null, email: null };
  }

  /** Every active coordinator, by id. */
  async activeCoordinators(manager: EntityManager): Promise<CoordinatorRecipient[]> {
    const users = await manager.find(User, {
      where: { role: 'coordinator', active: true },
      select: { id: true, name: true, email: true, universityId: true },
      order: { id: 'ASC' },
    });
    return users
      .filter((u) => u.universityId !== null)
      .map((u) => ({ id: u.id, name: u.name, email: u.email, universityId: u.universityId! }));
  }
}
