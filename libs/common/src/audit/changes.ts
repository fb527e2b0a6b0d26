import { canonicalJson } from '../canonical-json';

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/**
 * What a patch changes on a record, field by field (before → after); fields it leaves as they
 * were are left out, so an audit event says exactly what changed. Values compare canonically
 * (key order, dates), and an absent value reads as null.
 */
export function fieldChanges(
  before: object,
  patch: Record<string, unknown>,
): Record<string, FieldChange> {
  const old = before as Record<string, unknown>;
  const changes: Record<string, FieldChange> = {};
  for (const field of Object.keys(patch).sort()) {
    if (patch[field] === undefined) continue;
    const to = patch[field];
    const from = old[field] ?? null;
    if (canonicalJson(from) !== canonicalJson(to)) changes[field] = { from, to };
  }
  return changes;
}
