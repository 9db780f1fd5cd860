/**
 * The terms of a new power of attorney, however it comes about (issued, delegated, replicated), and
 * the rules they must meet before anything is written: who may be named, how long it may last, and
 * which agents carry a lawyer's licence. Pure: the caller brings the clock and the accounts.
 */
import { countedAr, countedEn } from '../../core/rules/counted';
import { POWER_OF_ATTORNEY_LIMITS } from './poa-limits';
import type { FieldError } from '../../core/errors/domain-error';
import { Role } from '../../access/role.enum';
import { PoaIssuance } from './poa.enums';
import type { PoaAgentInput, PoaPersonInput } from './poa.inputs';
import type { PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { isLitigationPower, PowerCode } from './powers';
import { NOTARIZATION } from '../notarization-messages';

/** How long a self-issued power of attorney, and one issued by a notary, may last (poa-limits.ts). */
export const SELF_ISSUED_MAX_YEARS = POWER_OF_ATTORNEY_LIMITS.selfIssuedValidity.maxYears;
export const NOTARY_ISSUED_MAX_YEARS = POWER_OF_ATTORNEY_LIMITS.notarizedValidity.maxYears;
/** Every principal of a multi-principal draft confirms within this window, or the draft lapses. */
export const CONFIRMATION_WINDOW_MS = POWER_OF_ATTORNEY_LIMITS.confirmation.hours * 3600_000;
const counted = (n: number, unit: 'day' | 'year') => ({ ar: countedAr(n, unit), en: countedEn(n, unit) });

/** How far in the past validFrom may be (clock skew between client and server). */
const PAST_TOLERANCE_MS = 5 * 60_000;
/** How far ahead a power of attorney may start. */
const MAX_START_AHEAD_MS = POWER_OF_ATTORNEY_LIMITS.start.maxDaysAhead * 86_400_000;

export interface PoaTerms {
  issuance: PoaIssuance;
  notaryOfficeId: string | null;
  principals: PoaPersonInput[];
  agents: PoaAgentInput[];
  powers: PowerCode[];
  validFrom: Date;
  validTo: Date;
  canDelegate: boolean;
  /** A delegation: the parent, the agent who delegates, and the parent's principals (who stay bound). */
  parent?: { poa: PowerOfAttorney; agentId: string; principals: PoaPrincipal[] };
  replicatedFromId?: string;
}

/** An account a principal or agent may have; a lawyer's carries a licence. */
export interface NamedAccount {
  nationalId: string;
  roles: Role[];
  lawyerLicense: string | null;
}

export function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

/** What is wrong with the people, powers and validity of `t`, issued at `now` by `actorNationalId`. */
export function termProblems(t: PoaTerms, now: Date, actorNationalId: string): FieldError[] {
  const problems: FieldError[] = [];
  const dupes = (list: { nationalId: string }[], path: string) =>
    list.forEach((p, i) => {
      if (list.findIndex((q) => q.nationalId === p.nationalId) !== i)
        problems.push({ field: `${path}.${i}.nationalId`, message: NOTARIZATION.listedTwice() });
    });
  dupes(t.principals, 'input.principals');
  dupes(t.agents, 'input.agents');
  const principalIds = new Set(t.principals.map((p) => p.nationalId));
  t.agents.forEach((a, i) => {
    if (principalIds.has(a.nationalId)) problems.push({ field: `input.agents.${i}.nationalId`, message: NOTARIZATION.alsoPrincipal() });
  });
  t.powers.forEach((code, i) => {
    if (t.powers.indexOf(code) !== i) problems.push({ field: `input.powers.${i}`, message: NOTARIZATION.listedTwice() });
  });
  if (t.issuance === PoaIssuance.SELF && !principalIds.has(actorNationalId))
    problems.push({ field: 'input.principals', message: NOTARIZATION.selfIssuedIncludesYou() });
  if (!t.parent) {
    if (t.validFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      problems.push({ field: 'input.validFrom', message: NOTARIZATION.inThePast() });
    if (t.validFrom.getTime() > now.getTime() + MAX_START_AHEAD_MS)
      problems.push({
        field: 'input.validFrom',
        message: NOTARIZATION.tooFarAhead({ limit: counted(POWER_OF_ATTORNEY_LIMITS.start.maxDaysAhead, 'day') }),
      });
  }
  if (t.validTo.getTime() <= Math.max(t.validFrom.getTime(), now.getTime()))
    problems.push({ field: 'input.validTo', message: NOTARIZATION.validToAfterFrom() });
  const maxYears = t.issuance === PoaIssuance.SELF ? SELF_ISSUED_MAX_YEARS : NOTARY_ISSUED_MAX_YEARS;
  if (t.issuance !== PoaIssuance.DELEGATION && t.validTo.getTime() > addYears(t.validFrom, maxYears).getTime())
    problems.push({
      field: 'input.validTo',
      message: (t.issuance === PoaIssuance.SELF ? NOTARIZATION.selfIssuedTooLong : NOTARIZATION.notarizedTooLong)({
        limit: counted(maxYears, 'year'),
      }),
    });
  return problems;
}

/**
 * The licence recorded for each agent: the one given, which must be the licence of a lawyer's
 * account with that national ID (else a problem is added); or, when litigation powers are granted,
 * the licence of the agent's lawyer account, if any.
 */
export function agentLicences(t: PoaTerms, accounts: NamedAccount[], problems: FieldError[]): (string | null)[] {
  const litigation = t.powers.some(isLitigationPower);
  return t.agents.map((a, i) => {
    const user = accounts.find((u) => u.nationalId === a.nationalId) ?? null;
    const licence = user && user.roles.includes(Role.LAWYER) ? user.lawyerLicense : null;
    if (a.lawyerLicense) {
      if (licence !== a.lawyerLicense)
        problems.push({ field: `input.agents.${i}.lawyerLicense`, message: NOTARIZATION.notALicensedLawyer() });
      return a.lawyerLicense;
    }
    return litigation ? licence : null;
  });
}
