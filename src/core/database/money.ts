import type { ValueTransformer } from 'typeorm';

/**
 * numeric(14,2) columns: PostgreSQL returns the exact decimal text, read as the number whose
 * shortest form is that text (see core/validation/money.ts for amounts counted in halalas).
 */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** bigint columns (halalas, counters) that stay far below 2^53: pg returns their text; read as numbers. */
export const bigintTransformer: ValueTransformer = moneyTransformer;
