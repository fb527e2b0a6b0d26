import { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (to keep precision); our numerics are small decimals. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
