/**
 * Whom the actor acts for in a lawsuit: themselves when they are a party; an organization whose
 * representative of record they are (the prosecutor for the Public Prosecution, an organization's
 * registered representative); otherwise a party who is their principal under a power of attorney
 * in force now that grants `power` (the actor's agencies are loaded fresh on every request). Acts
 * record the power of attorney relied on.
 */
import type { Actor } from '../../access/actor';
import type { PowerCode } from './powers';

export function actingFor<P extends { nationalId: string | null; representativeId?: string | null }>(
  actor: Actor,
  parties: P[],
  power: PowerCode,
): { party: P; powerOfAttorneyId: string | null } | null {
  const own = parties.find((p) => p.nationalId === actor.nationalId);
  if (own) return { party: own, powerOfAttorneyId: null };
  const represented = parties.find((p) => p.nationalId === null && !!p.representativeId && p.representativeId === actor.id);
  if (represented) return { party: represented, powerOfAttorneyId: null };
  for (const agency of actor.agencies ?? []) {
    if (!agency.powers.includes(power)) continue;
    const party = parties.find((p) => p.nationalId === agency.principalNationalId);
    if (party) return { party, powerOfAttorneyId: agency.poaId };
  }
  return null;
}
