/**
 * What Adl takes from a national provider's claims (docs/identity.md): the national ID or iqama
 * number and the names in Arabic and English, as the registry holds them. Names are never typed
 * by the person; a provider that omits them is refused rather than guessed at.
 */
import { nationalIdProblem } from '../../core/validation/national-id';

export interface VerifiedIdentity {
  /** The provider's subject (`sub`). */
  subject: string;
  nationalId: string;
  nameAr: string;
  nameEn: string;
  /** The phone the registry verified, when the provider says so. */
  phone: string | null;
}

function text(claims: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

/** The identity in the claims, or the name of the first claim that is missing or malformed. */
export function verifiedIdentity(claims: Record<string, unknown>): VerifiedIdentity | { missing: string } {
  const subject = text(claims, 'sub');
  if (!subject) return { missing: 'sub' };
  const nationalId = text(claims, 'national_id');
  if (!nationalId || nationalIdProblem(nationalId)) return { missing: 'national_id' };
  const nameAr = text(claims, 'name#ar', 'name_ar');
  if (!nameAr) return { missing: 'name#ar' };
  const nameEn = text(claims, 'name#en', 'name_en');
  if (!nameEn) return { missing: 'name#en' };
  const phone = claims.phone_number_verified === true ? text(claims, 'phone_number') : null;
  return { subject, nationalId, nameAr: nameAr.slice(0, 200), nameEn: nameEn.slice(0, 200), phone };
}
