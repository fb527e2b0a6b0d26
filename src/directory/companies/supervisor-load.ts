import { applyScope, Principal } from '@app/common';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { SUPERVISOR_SCOPE } from './company-rules';
import { Supervisor } from './supervisor.entity';

/**
 * How much coaching a supervisor carries on a date. The companies' guide asks for trained or
 * experienced supervisors who have time for it, so whoever picks one sees this next to `trained`.
 */
export interface SupervisorLoad {
  /** The date the load is counted on (today unless asked otherwise). */
  on: string;
  /** Placements running on that date that this supervisor coaches. */
  placements: number;
  /** Their coaching hours per week, summed. */
  coachingHoursPerWeek: number;
}

/** What a coordinator sees of a supervisor where they pick one (vacancy, acceptance). */
export interface SupervisorSummary {
  id: string;
  companyId: string;
  name: string;
  trained: boolean;
  hoursPerWeek: number;
  load: SupervisorLoad;
}

/** The OpenAPI wording of the load, shared by every place that shows it. */
export const SUPERVISOR_LOAD_DESCRIPTION =
  "`load` is the coaching the supervisor carries on `load.on` (today, or `loadOn`): the placements running that day that they coach, and their coaching hours per week summed. A placement is an employment running that day (start on or before, end on or after or none) at the supervisor's company: a company that employs the student itself, or the host of a secondment running that day. Its supervisor is the secondment's, else the one named by the agreement of the employment (its version in force, else its current draft or pending version; cancelled, completed and terminated agreements name nobody). Its hours are the coaching hours the agreement froze for that supervisor when it was submitted, else the supervisor's `hoursPerWeek`.";

const NO_SOURCE =
  'Supervisor loads: no coaching source is registered; the placements module is not wired into this process';

/** A placement running on the counted date, as the module that owns placements reports it. */
export interface CoachedPlacement {
  /** The placement (its employment). */
  id: string;
  /** Who coaches it: the secondment's supervisor, else the one its agreement names; null: nobody. */
  supervisorId: string | null;
  /** The supervisor its agreement names, and the coaching hours the agreement froze for them. */
  agreedSupervisorId: string | null;
  agreedHours: number | null;
}

/**
 * What the placements module answers for the load (see SUPERVISOR_LOAD_DESCRIPTION): the
 * placements running on `on` at these companies (as employer, or as host of a secondment running
 * that day), each with its coaching supervisor. One set-based read whatever the number of
 * companies, in the caller's transaction.
 */
export interface CoachingSource {
  runningPlacements(
    manager: EntityManager,
    companyIds: string[],
    on: string,
  ): Promise<CoachedPlacement[]>;
}

/**
 * Supervisors' coaching loads. Placements and agreements sit above the directory, so the
 * placements module registers the source of running placements when it starts. A process that
 * serves the directory refuses to start without one, and a load asked without one fails loudly
 * rather than read as zero.
 */
@Injectable()
export class SupervisorLoads implements OnApplicationBootstrap {
  private source: CoachingSource | null = null;

  onApplicationBootstrap(): void {
    if (!this.source) throw new Error(NO_SOURCE);
  }

  register(source: CoachingSource): void {
    if (this.source) throw new Error('Supervisor loads: a coaching source is already registered');
    this.source = source;
  }

  /** The load of each supervisor on a date: two reads whatever the number of supervisors. */
  async loads(
    manager: EntityManager,
    supervisorIds: string[],
    on: string,
  ): Promise<Map<string, SupervisorLoad>> {
    if (supervisorIds.length === 0) return new Map();
    if (!this.source) throw new Error(NO_SOURCE);
    const supervisors = await manager.find(Supervisor, {
      select: { id: true, companyId: true, hoursPerWeek: true },
      where: { id: In(supervisorIds) },
    });
    const companyIds = [...new Set(supervisors.map((s) => s.companyId))];
    const placements = companyIds.length
      ? await this.source.runningPlacements(manager, companyIds, on)
      : [];
    return new Map(supervisors.map((s) => [s.id, loadOf(s, placements, on)]));
  }

  /**
   * The supervisors with these ids that the caller may read (SUPERVISOR_SCOPE: a student or an
   * integration sees none), each with its load on `on`.
   */
  async summaries(
    manager: EntityManager,
    principal: Principal,
    ids: string[],
    on: string,
  ): Promise<Map<string, SupervisorSummary>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const visible = await applyScope(
      manager
        .getRepository(Supervisor)
        .createQueryBuilder('s')
        .where('s.id IN (:...ids)', { ids: unique }),
      principal,
      SUPERVISOR_SCOPE,
    ).getMany();
    const loads = await this.loads(
      manager,
      visible.map((s) => s.id),
      on,
    );
    return new Map(
      visible.map((s) => [
        s.id,
        {
          id: s.id,
          companyId: s.companyId,
          name: s.name,
          trained: s.trained,
          hoursPerWeek: s.hoursPerWeek,
          load: loads.get(s.id)!,
        },
      ]),
    );
  }
}

/**
 * The placements a supervisor coaches, and their hours: what the agreement froze when it names
 * this supervisor with hours, else the supervisor's own hours per week.
 */
function loadOf(
  supervisor: Pick<Supervisor, 'id' | 'hoursPerWeek'>,
  placements: CoachedPlacement[],
  on: string,
): SupervisorLoad {
  let count = 0;
  let hours = 0;
  for (const p of placements) {
    if (p.supervisorId !== supervisor.id) continue;
    count += 1;
    hours +=
      p.agreedSupervisorId === supervisor.id && p.agreedHours !== null
        ? p.agreedHours
        : supervisor.hoursPerWeek;
  }
  // Hours carry at most a decimal or two: round away the binary noise of summing them.
  return { on, placements: count, coachingHoursPerWeek: Math.round(hours * 1e6) / 1e6 };
}
