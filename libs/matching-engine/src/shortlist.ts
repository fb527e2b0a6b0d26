import { compareIds } from './order';
import { tieBreaker } from './tie-break';
import { EligibleEvaluation, Evaluation, ExclusionReason, ScoreComponent } from './types';

export interface ShortlistCandidate {
  /** The id of the vacancy (a student's shortlist) or of the student (a vacancy's). */
  id: string;
  /** 1-based position in what the asking side stated (student preferences, company ranking). */
  statedRank: number | null;
  evaluation: Evaluation;
}

export interface ShortlistEntry {
  id: string;
  /** 1-based position on the shortlist. */
  rank: number;
  statedRank: number | null;
  score: number;
  components: ScoreComponent[];
}

export interface ExcludedStated {
  id: string;
  statedRank: number;
  reasons: ExclusionReason[];
}

/**
 * A shortlist in the order a run uses: the candidates the asking side ranked itself (a
 * student's preferences, a company's ranking), in that order, then the others by score (desc),
 * the seeded lottery number, id. Every entry keeps its score and components. A stated
 * candidate that fails a hard constraint stays off the list and is returned, with its reasons,
 * in `excluded` (in stated order); other ineligible candidates are dropped.
 */
export function orderShortlist(
  candidates: readonly ShortlistCandidate[],
  seed: string,
): { ranked: ShortlistEntry[]; excluded: ExcludedStated[] } {
  const lottery = tieBreaker(seed);
  const eligible: Array<ShortlistCandidate & { evaluation: EligibleEvaluation; lot: number }> = [];
  const excluded: ExcludedStated[] = [];
  for (const c of candidates) {
    if (c.evaluation.eligible)
      eligible.push({ ...c, evaluation: c.evaluation, lot: lottery(c.id) });
    else if (c.statedRank !== null)
      excluded.push({ id: c.id, statedRank: c.statedRank, reasons: c.evaluation.reasons });
  }
  const stated = (c: ShortlistCandidate) => c.statedRank ?? Infinity;
  eligible.sort(
    (a, b) =>
      (stated(a) !== stated(b) ? (stated(a) < stated(b) ? -1 : 1) : 0) ||
      b.evaluation.score - a.evaluation.score ||
      a.lot - b.lot ||
      compareIds(a.id, b.id),
  );
  return {
    ranked: eligible.map((c, i) => ({
      id: c.id,
      rank: i + 1,
      statedRank: c.statedRank,
      score: c.evaluation.score,
      components: c.evaluation.components,
    })),
    excluded: excluded.sort((a, b) => a.statedRank - b.statedRank),
  };
}
