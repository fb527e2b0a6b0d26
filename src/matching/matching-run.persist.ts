import { newId } from '@app/common';
import { COMPONENT_NAMES, type MatchingAssignment, type Weights } from '@app/matching-engine';
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
 * (the explanation of each score) travel as number arrays and are assembled into the same JSON
 * objects the engine made ({ name, value, weight, contribution }, in component order), which is
 * cheaper than PostgreSQL parsing thousands of JSON texts; numbers read back bit-identical.
 * Owner columns (company, foundation) come from the vacancy in the same statement. A student
 * already holding a live match for that vacancy keeps it (the proposal is the same). Ids are
 * UUIDv7, like every other id: in time order, so the indexes on (…, id) grow at their end.
 * Returns how many proposals were inserted.
 */
export async function insertProposals(
  manager: EntityManager,
  run: { id: string; universityId: string; weights: Weights },
  assignments: readonly MatchingAssignment[],
): Promise<number> {
  if (assignments.length === 0) return 0;
  const params: unknown[] = [
    run.id,
    run.universityId,
    JSON.stringify(run.weights),
    arrayLiteral(assignments.map(() => newId())),
    arrayLiteral(assignments.map((a) => a.studentId)),
    arrayLiteral(assignments.map((a) => a.vacancyId)),
    arrayLiteral(assignments.map((a) => a.score)),
  ];
  const columns: string[] = [];
  const objects = COMPONENT_NAMES.map((name, k) => {
    for (const field of ['value', 'weight', 'contribution'] as const) {
      params.push(
        arrayLiteral(
          assignments.map((a) => {
            const c = a.components[k];
            // The engine's fixed component order is what makes column k component `name`.
            if (c.name !== name) throw new Error(`component ${k} is ${c.name}, not ${name}`);
            return c[field];
          }),
        ),
      );
      columns.push(`${field}_${k}`);
    }
    return `jsonb_build_object('name', '${name}', 'value', a.value_${k}, 'weight', a.weight_${k}, 'contribution', a.contribution_${k})`;
  });
  const componentArrays = columns.map((_, i) => `$${8 + i}::float8[]`).join(', ');
  const [{ inserted }]: { inserted: number }[] = await manager.query(
    `WITH inserted AS (
     INSERT INTO matches (id, run_id, student_id, vacancy_id, university_id, company_id, foundation_id,
                          status, score, components, weights)
     SELECT a.id, $1, a.student_id, a.vacancy_id, $2, COALESCE(v.company_id, v.host_company_id),
            v.foundation_id, 'proposed', a.score, jsonb_build_array(${objects.join(', ')}), $3::jsonb
       FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::float8[], ${componentArrays})
              AS a(id, student_id, vacancy_id, score, ${columns.join(', ')})
       JOIN vacancies v ON v.id = a.vacancy_id
     ON CONFLICT (student_id, vacancy_id) WHERE status NOT IN ('declined', 'withdrawn') DO NOTHING
     RETURNING 1)
     SELECT count(*)::int AS inserted FROM inserted`,
    params,
  );
  return inserted;
}
