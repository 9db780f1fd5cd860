import type { ValueTransformer } from 'typeorm';

/** numeric(14,2) columns: PostgreSQL returns strings; amounts in SAR with two decimals fit a double exactly enough to show. */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Halalas (1/100 SAR) for arithmetic without binary fractions. */
export const toHalalas = (sar: number): number => Math.round(sar * 100);
export const fromHalalas = (halalas: number): number => halalas / 100;
