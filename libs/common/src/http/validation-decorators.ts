import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../time/calendar-date';

/**
 * For PATCH bodies: the field may be left out, but when present it is validated, so `null` for a
 * required column is a 422 naming the field rather than a NOT NULL error from the database.
 * (`IsOptional`/`PartialType` would let `null` through.)
 */
export function PatchOptional(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}

/** A real calendar date written as YYYY-MM-DD. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a date written as YYYY-MM-DD, e.g. 2026-09-01`,
      },
    },
    options,
  );
}

/** Trims strings (and leaves everything else for the validators to refuse). */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
