/**
 * Saudi national ID (starts with 1) and iqama (starts with 2) numbers: ten digits whose last is
 * a Luhn check digit. 1000000001 is the platform's reserved system account (docs/domain.md): it sits
 * outside the check-digit space, so it can never be a real person's number.
 */
export const SYSTEM_ACCOUNT_ID = '1000000001';

export type IdKind = 'NATIONAL_ID' | 'IQAMA';

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    // From the left on a ten-digit number: positions 1, 3, 5… are doubled.
    if (i % 2 === digits.length % 2) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why the number is not acceptable, or null when it is. */
export function nationalIdProblem(value: string): string | null {
  if (!/^[0-9]{10}$/.test(value)) return 'must be exactly 10 digits';
  if (value[0] !== '1' && value[0] !== '2') return 'must start with 1 (citizen) or 2 (resident)';
  if (!luhnValid(value)) return 'check digit does not match';
  return null;
}

export function idKind(value: string): IdKind {
  return value.startsWith('2') ? 'IQAMA' : 'NATIONAL_ID';
}

/** A valid number from nine leading digits: appends the check digit. */
export function withCheckDigit(first9: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(first9 + d)) return first9 + d;
  throw new Error('unreachable');
}

/** Shown to anyone but the owner and the court staff of a case: first digit and last four. */
export function maskNationalId(value: string): string {
  return `${value[0]}*****${value.slice(6)}`;
}
