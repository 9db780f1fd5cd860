/**
 * The civil registry's person lookup (docs/identity.md): given a national ID (or iqama) and a birth
 * date, the person's names and verified phone when both match, else null — the registry never says
 * which of the two was wrong. The development and test registry is the stand-in's
 * (scripts/stand-ins/national-idp/registry-api.ts); CIVIL_REGISTRY_URL points elsewhere.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';

export interface RegistryRecord {
  nationalId: string;
  nameAr: string;
  nameEn: string;
  /** E.164; null when the registry holds no verified phone. */
  phone: string | null;
}

const LOOKUP_TIMEOUT_MS = 5000;

@Injectable()
export class CivilRegistry {
  constructor(@Inject(ADL_CONFIG) private readonly config: AdlConfig) {}

  async lookUp(nationalId: string, birthDate: string): Promise<RegistryRecord | null> {
    const registry = this.config.selfRegistration;
    if (!registry) throw new Error('no civil registry is configured');
    const credentials = `${encodeURIComponent(registry.clientId)}:${encodeURIComponent(registry.clientSecret)}`;
    const res = await fetch(`${registry.registryUrl}/person-lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
      body: JSON.stringify({ nationalId, birthDate }),
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`the civil registry answered ${res.status}`);
    const body = (await res.json()) as { nationalId?: string; nameAr?: string; nameEn?: string; phone?: string; phoneVerified?: boolean };
    if (body.nationalId !== nationalId || !body.nameAr || !body.nameEn) throw new Error('the civil registry answered for someone else');
    return {
      nationalId,
      nameAr: body.nameAr,
      nameEn: body.nameEn,
      phone: body.phone && body.phoneVerified ? body.phone : null,
    };
  }
}
