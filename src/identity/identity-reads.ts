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
}
