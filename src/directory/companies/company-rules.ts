import { FieldError, ScopeRules } from '@app/common';
import { SME_MAX_EMPLOYEES_EXCLUSIVE } from '../identifiers';

/**
 * Companies are shared reference data: staff roles (admin, coordinator, foundation staff) read
 * every company; a company rep reads only their own company; students and integrations read none
 * (a role missing here sees nothing, so it answers 404). Who edits them: shared-records.ts.
 * `column` is the column that holds the company id: `id` on companies, `company_id` on rows that belong to a company (supervisors).
 */
export function companyReadScope(column: string): ScopeRules {
  return {
    admin: 'all',
    coordinator: 'all',
    foundation_staff: 'all',
    company_rep: { column, principalField: 'companyId' },
    // Shared records: a rep limited to one university still reads its own company.
    universityLimit: 'shared',
  };
}

export const COMPANY_SCOPE = companyReadScope('id');
export const SUPERVISOR_SCOPE = companyReadScope('company_id');

/** EU Recommendation 2003/361/EC: an SME (mkb-bedrijf) employs fewer than 250 persons. */
export function isSme(employeeCount: number): boolean {
  return employeeCount < SME_MAX_EMPLOYEES_EXCLUSIVE;
}

/** Rough bounding box of the Netherlands (incl. the Wadden islands and South Limburg). */
export const NL_BOUNDS = {
  minLatitude: 50.5,
  maxLatitude: 53.7,
  minLongitude: 3.2,
  maxLongitude: 7.3,
} as const;

/** A location is given as both coordinates or neither; one without the other is ambiguous. */
export function coordinateErrors(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
): FieldError[] {
  const hasLat = latitude !== null && latitude !== undefined;
  const hasLon = longitude !== null && longitude !== undefined;
  if (hasLat && !hasLon) {
    return [
      {
        field: 'longitude',
        message: 'longitude is required when latitude is given: give both coordinates or neither',
      },
    ];
  }
  if (hasLon && !hasLat) {
    return [
      {
        field: 'latitude',
        message: 'latitude is required when longitude is given: give both coordinates or neither',
      },
    ];
  }
  return [];
}

/**
 * A postcode prefix for filtering ("1234", "1234 A", "1234ab", "12"): upper-cased, with the
 * space stored postcodes carry after the four digits. Undefined when it cannot start a postcode.
 */
export function normalisePostcodePrefix(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  if (/^[1-9]\d{0,3}$/.test(compact)) return compact;
  if (/^[1-9]\d{3}[A-Z]{1,2}$/.test(compact)) return `${compact.slice(0, 4)} ${compact.slice(4)}`;
  return undefined;
}
