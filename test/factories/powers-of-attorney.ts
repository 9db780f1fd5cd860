/** Citizens with two-factor authentication, fresh step-up codes, and valid power-of-attorney input. */
import { totpCode } from '../../src/identity/totp';
import type { TestApp } from '../harness';
import { Citizen, nationalId, registerCitizen } from './people';

export interface TwoFactorCitizen extends Citizen {
  secret: string;
}

export async function twoFactorCitizen(t: TestApp, overrides: Record<string, unknown> = {}): Promise<TwoFactorCitizen> {
  const c = await registerCitizen(t, overrides);
  const secret = (await t.ok('mutation { enrollTwoFactor { secret } }', {}, c.token)).enrollTwoFactor.secret as string;
  await t.ok('mutation($c: String!) { confirmTwoFactor(code: $c) }', { c: await freshCode(t, secret) }, c.token);
  return { ...c, secret };
}

/** A code of a time step not used before: moves the test clock 30 s forward first. */
export async function freshCode(t: TestApp, secret: string): Promise<string> {
  t.clock.advance(31_000);
  return totpCode(secret, t.clock.now());
}

export function person(nid: string = nationalId(), name = 'Test Person'): { nationalId: string; nameAr: string; nameEn: string } {
  return { nationalId: nid, nameAr: 'شخص تجريبي', nameEn: name };
}

export function poaInput(principals: string[], agents: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    principals: principals.map((n) => person(n, 'Principal Person')),
    agents: agents.map((n) => person(n, 'Agent Person')),
    powers: ['LIT_FILE', 'LIT_ATTEND', 'RE_SELL'],
    validTo: new Date(Date.now() + 180 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export const POA_FIELDS = `id number state issuance validFrom validTo canDelegate parentId version
  principals { nationalId nameEn confirmedAt } agents { nationalId nameEn state lawyerLicense }
  powers { code nameAr nameEn domain revokedAt }`;

export const ISSUE = `mutation($i: IssuePowerOfAttorneyInput!) { issuePowerOfAttorney(input: $i) { verificationCode powerOfAttorney { ${POA_FIELDS} } } }`;
