import { AuditService, Principal } from '@app/common';
import { EntityManager } from 'typeorm';
import { Match } from './entities/match.entity';
import { MatchStatus, OPEN_MATCH_STATUSES, WITHDRAWAL_REASONS } from './match-lifecycle';

export interface WithdrawnMatch {
  id: string;
  reason: (typeof WITHDRAWAL_REASONS)[keyof typeof WITHDRAWAL_REASONS];
}

/**
 * Acceptances serialise per student, then per vacancy, before any match row is locked: two
 * acceptances for one student, or for the last seat of one vacancy, then run one after the other
 * (the second finds its match withdrawn), and no two acceptances ever wait on each other's rows.
 * Takes the locks for the rest of the caller's transaction.
 */
export async function lockForAcceptance(
  manager: EntityManager,
  match: Pick<Match, 'studentId' | 'vacancyId'>,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `match-acceptance:student:${match.studentId}`,
  ]);
  await manager.query('SELECT 1 FROM vacancies WHERE id = $1 FOR UPDATE', [match.vacancyId]);
}

/**
 * After an acceptance, in its transaction: the student's other open matches are withdrawn
 * (`student_placed`), and, when the acceptance took the vacancy's last seat, the vacancy's other
 * open matches too (`vacancy_filled`). Each is audited as a withdrawal caused by the acceptance.
 * Rows are locked in id order, so two acceptances withdrawing overlapping sets cannot deadlock.
 */
export async function withdrawCompetingMatches(
  manager: EntityManager,
  audit: AuditService,
  principal: Principal,
  accepted: Pick<Match, 'id' | 'studentId' | 'vacancyId'>,
  vacancyFilled: boolean,
): Promise<WithdrawnMatch[]> {
  const open: { id: string; student_id: string; status: MatchStatus; university_id: string }[] =
    await manager.query(
      `SELECT id, student_id, status, university_id FROM matches
        WHERE id <> $1 AND status = ANY($2)
          AND (student_id = $3 OR ($4::boolean AND vacancy_id = $5))
        ORDER BY id FOR UPDATE`,
      [accepted.id, OPEN_MATCH_STATUSES, accepted.studentId, vacancyFilled, accepted.vacancyId],
    );
  if (open.length === 0) return [];
  const withdrawn = open.map((m) => ({
    ...m,
    reason:
      m.student_id === accepted.studentId
        ? WITHDRAWAL_REASONS.studentPlaced
        : WITHDRAWAL_REASONS.vacancyFilled,
  }));
  for (const reason of Object.values(WITHDRAWAL_REASONS)) {
    const ids = withdrawn.filter((m) => m.reason === reason).map((m) => m.id);
    if (ids.length === 0) continue;
    await manager
      .createQueryBuilder()
      .update(Match)
      .set({ status: 'withdrawn', lastReason: reason })
      .where('id = ANY(:ids)', { ids })
      .execute();
  }
  for (const m of withdrawn) {
    await audit.record(manager, principal, {
      resourceType: 'match',
      resourceId: m.id,
      action: 'transition:withdrawn',
      universityId: m.university_id,
      data: {
        from: m.status,
        to: 'withdrawn',
        reason: m.reason,
        actor: 'system',
        causedBy: { matchId: accepted.id, transition: 'accepted' },
      },
    });
  }
  return withdrawn.map((m) => ({ id: m.id, reason: m.reason }));
}
