/**
 * Amounts in SAR with halalas, exact. An amount arrives as a JSON number — decimal text the client
 * typed, such as 10000.29 — which JavaScript holds as the nearest binary fraction; its shortest
 * decimal form (`String(n)`) is exactly the text typed, for every amount below 100 billion with two
 * decimals. So an amount is judged and counted from that text, in whole halalas, never by
 * multiplying the binary fraction by 100 (10000.29 × 100 is 1000028.9999999999).
 */
import { registerDecorator, ValidationOptions } from 'class-validator';

/** The largest amount the platform takes: numeric(14,2) holds it with room to add. */
export const MAX_SAR = 1e11;

const PLAIN = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;

/** The amount in whole halalas, or null unless it is a non-negative SAR amount with at most two decimals, below MAX_SAR. */
export function halalasOf(sar: unknown): number | null {
  if (typeof sar !== 'number' || !Number.isFinite(sar) || sar < 0 || sar >= MAX_SAR) return null;
  const m = PLAIN.exec(String(sar));
  if (!m) return null; // more than two decimals, or a form like 1e-7
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const fromHalalas = (halalas: number): number => halalas / 100;

/** The sum of SAR amounts, exact (each with at most two decimals). */
export function sumSar(amounts: readonly number[]): number {
  return fromHalalas(amounts.reduce((sum, a) => sum + toHalalas(a), 0));
}

/** Halalas of an amount already validated (or read from a numeric(14,2) column); rounds anything else to the nearest. */
export function toHalalas(sar: number): number {
  return halalasOf(sar) ?? Math.round(sar * 100);
}

/** An amount in SAR with at most two decimals (halalas), below MAX_SAR; `positive` refuses zero. */
export function IsSar(positive: boolean, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSar',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => {
          const halalas = halalasOf(value);
          return halalas !== null && (!positive || halalas > 0);
        },
        // The field message by language: constraint-messages.ts (isSar).
        defaultMessage: () =>
          `must be ${positive ? 'a positive' : 'an'} amount in SAR with at most two decimals (halalas), below ${MAX_SAR.toLocaleString('en')}`,
      },
    });
}
