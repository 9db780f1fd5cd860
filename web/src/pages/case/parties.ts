/** Who the signed-in person is in a case: their own party, or the one they represent; and party names. */
import type { Lang } from '../../i18n/i18n';
import type { CaseData, CaseParty } from './case-query';

export interface Me {
  id: string;
  nationalId: string;
}

export const partyName = (p: Pick<CaseParty, 'nameAr' | 'nameEn'>, lang: Lang): string => (lang === 'ar' ? p.nameAr : p.nameEn);

/** The caller's party: their own, else the one they represent of record. */
export function myParty(c: CaseData, me: Me): CaseParty | undefined {
  return c.parties.find((p) => p.nationalId === me.nationalId) ?? c.parties.find((p) => p.representativeId === me.id);
}

/** The parties the caller represents under a power of attorney (not their own). */
export function represented(c: CaseData, me: Me): CaseParty[] {
  return c.parties.filter((p) => p.representativeId === me.id && p.nationalId !== me.nationalId && p.powerOfAttorneyId);
}

/** The side the judgment favours, as decided on appeal (an overturned judgment favours the other side). */
export function winningSide(c: CaseData): CaseParty['side'] | null {
  const j = c.judgment;
  if (!j) return null;
  const overturned = c.objections.some((o) => o.decision === 'OVERTURN');
  return overturned ? (j.inFavourOf === 'CLAIMANT' ? 'DEFENDANT' : 'CLAIMANT') : j.inFavourOf;
}
