import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/**
 * Dutch education and business identifiers (DOMAIN.md "Rules the model must respect").
 * BRIN: 4 alphanumerics, optionally a 2-digit location suffix; RIO codes look like 123A456.
 * CROHO: 5 digits. KvK: exactly 8 digits, kept as a string (leading zeros), no checksum exists.
 */
export const BRIN_OR_RIO = /^(?:[0-9A-Z]{4}(?:\d{2})?|\d{3}A\d{3})$/;
export const CROHO = /^\d{5}$/;
export const KVK = /^\d{8}$/;
/** SBI (Standaard Bedrijfsindeling) codes are 2 to 5 digits. */
export const SBI = /^\d{2,5}$/;
/** Dutch postcode: 4 digits (no leading zero) and 2 letters; stored as "1234 AB". */
export const POSTCODE = /^[1-9]\d{3} [A-Z]{2}$/;
/** EU Recommendation 2003/361/EC: an SME employs fewer than 250 persons. */
export const SME_MAX_EMPLOYEES_EXCLUSIVE = 250;

export function normalisePostcode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : value;
}

const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export function IsBrinCode(): PropertyDecorator {
  return (target, key) => {
    Transform(upperTrim)(target, key);
    Matches(BRIN_OR_RIO, {
      message: 'brinCode must be a BRIN code (4 letters/digits, e.g. 21PB, optionally a 2-digit location) or a RIO code (e.g. 123A456)',
    })(target, key);
  };
}

export function IsCrohoCode(): PropertyDecorator {
  return (target, key) => {
    Transform(trim)(target, key);
    Matches(CROHO, { message: 'crohoCode must be the 5-digit CROHO code of the programme, e.g. 34664' })(target, key);
  };
}

export function IsKvkNumber(): PropertyDecorator {
  return (target, key) => {
    Transform(trim)(target, key);
    Matches(KVK, { message: 'kvkNumber must be the 8-digit Chamber of Commerce (KvK) number, e.g. 12345678' })(
      target,
      key,
    );
  };
}

export function IsSbiCode(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\./g, '').trim() : value))(target, key);
    Matches(SBI, { message: 'sbiCode must be an SBI code of 2 to 5 digits, e.g. 4120' })(target, key);
  };
}

export function IsPostcode(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => normalisePostcode(value))(target, key);
    Matches(POSTCODE, { message: `${String(key)} must be a Dutch postcode, e.g. 1234 AB` })(target, key);
  };
}
