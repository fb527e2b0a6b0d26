import { newId } from '@app/common';
import { COMPONENT_NAMES, type MatchingAssignment, type Weights } from '@app/matching-engine';
import type { Writable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/**
 * A PostgreSQL array literal of uuids or numbers, written here rather than by the driver:
 * node-postgres quotes and escapes every element of a JS array, which for a run's ~9,000
 * proposals cost more than the insert itself. Neither uuids nor numbers need quoting, and
 * String(number) is the shortest text that reads back as the same double.
 */
function arrayLiteral(items: readonly (string | number)[]): string {
  return `{${items.join(',')}}`;
}

/**
 * Inserts a run's proposals with one INSERT … SELECT FROM unnest(…) on the caller's transaction:
 * one statement whatever the number of rows, each column one array parameter. The components
 * (the explanation of each score) travel as their values, one number array per component, and
 * are assembled into the same JSON objects the engine made ({ name, value, weight,
 * contribution }, in component order): the weight is the run's, the contribution value ×
 * weight, one IEEE multiplication as in the engine (checked here), so they read back
 * bit-identical. That is much cheaper than PostgreSQL parsing thousands of JSON texts, or
 * three times as many numbers. Owner columns (company, foundation) come from the vacancy in the
 * same statement. A student already holding a live match for that vacancy keeps it (the
 * proposal is the same). Ids are UUIDv7, like every other id: in time order, so the indexes on
 * (…, id) grow at their end. Returns how many proposals were inserted.
 */
export async function insertProposals(
  manager: EntityManager,
  run: { id: string; universityId: string; weights: Weights },
  assignments: readonly MatchingAssignment[],
): Promise<number> {
  if (assignments.length === 0) return 0;
  const weights = COMPONENT_NAMES.map((name) => run.weights[name]);
  for (const a of assignments) {
    a.components.forEach((c, k) => {
      // What lets the statement rebuild the components from their values alone.
      if (
        c.name !== COMPONENT_NAMES[k] ||
        c.weight !== weights[k] ||
        c.contribution !== c.value * c.weight
      )
        throw new Error(`component ${k} of ${a.studentId} is not as the run computes it`);
    });
  }
  const params: unknown[] = [
    run.id,
    run.universityId,
    JSON.stringify(run.weights),
    arrayLiteral(assignments.map(() => newId())),
    arrayLiteral(assignments.map((a) => a.studentId)),
    arrayLiteral(assignments.map((a) => a.vacancyId)),
    arrayLiteral(assignments.map((a) => a.score)),
  ];
  const objects = COMPONENT_NAMES.map((name, k) => {
    params.push(arrayLiteral(assignments.map((a) => a.components[k].value)));
    const value = `a.value_${k}`;
    const weight = `$${params.length + COMPONENT_NAMES.length}::float8`;
    return `jsonb_build_object('name', '${name}', 'value', ${value}, 'weight', ${weight}, 'contribution', ${value} * ${weight})`;
  });
  params.push(...weights);
  const valueArrays = COMPONENT_NAMES.map((_, k) => `$${8 + k}::float8[]`).join(', ');
  const valueColumns = COMPONENT_NAMES.map((_, k) => `value_${k}`).join(', ');
  const [{ inserted }]: { inserted: number }[] = await manager.query(
    `WITH inserted AS (
     INSERT INTO matches (id, run_id, student_id, vacancy_id, university_id, company_id, foundation_id,
                          status, score, components, weights)
     SELECT a.id, $1, a.student_id, a.vacancy_id, $2, COALESCE(v.company_id, v.host_company_id),
            v.foundation_id, 'proposed', a.score, jsonb_build_array(${objects.join(', ')}), $3::jsonb
       FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::float8[], ${valueArrays})
              AS a(id, student_id, vacancy_id, score, ${valueColumns})
       JOIN vacancies v ON v.id = a.vacancy_id
     ON CONFLICT (student_id, vacancy_id) WHERE status NOT IN ('declined', 'withdrawn') DO NOTHING
     RETURNING 1)
     SELECT count(*)::int AS inserted FROM inserted`,
    params,
  );
  return inserted;
}

/** At most this many event-loop turns waiting for a statement to leave (a few ms each at worst). */
const MAX_SEND_TURNS = 10_000;

/**
 * Starts insertProposals and resolves once its statement has left this process (the driver has
 * written it and its socket has nothing queued), so PostgreSQL works on it while the caller
 * computes. A statement of ~50,000 rows is megabytes: the kernel takes what fits and node writes
 * the rest as the socket drains, which needs the event loop, not a busy caller. `stored` is the
 * insert's own outcome, for the caller to await later (a failure is not unhandled meanwhile).
 */
export async function sendProposals(
  manager: EntityManager,
  run: { id: string; universityId: string; weights: Weights },
  assignments: readonly MatchingAssignment[],
): Promise<{ stored: Promise<number> }> {
  let settled = false;
  const stored = insertProposals(manager, run, assignments);
  stored.then(
    () => (settled = true),
    () => (settled = true),
  );
  const socket = driverSocket(manager);
  let turns = 0;
  do await new Promise((resolve) => setImmediate(resolve));
  while (!settled && (socket?.writableLength ?? 0) > 0 && ++turns < MAX_SEND_TURNS);
  return { stored };
}

/** The socket under a transaction's pg client, when the driver exposes it. */
function driverSocket(manager: EntityManager): Writable | undefined {
  const runner = manager.queryRunner as
    { databaseConnection?: { connection?: { stream?: Writable } } } | undefined;
  return runner?.databaseConnection?.connection?.stream;
}
