/**
 * Where the parties of a case are reached on the platform: a person at their own national ID, and
 * anyone represented (an organization always) also at their representative's.
 */
import { Injectable } from '@nestjs/common';
import type { WorkContext } from '../../core/context/work-context';
import { UserLookups } from '../../identity';
import { PartySide } from './lawsuit.enums';

export interface PartyAddress {
  id: string;
  side: PartySide;
  nationalId: string | null;
  representativeId: string | null;
  representativeNationalId: string | null;
}

@Injectable()
export class PartyAddresses {
  constructor(private readonly people: UserLookups) {}

  /** The parties of the lawsuit, by side and then in the order they were named. */
  async ofLawsuit(tx: WorkContext, lawsuitId: string): Promise<PartyAddress[]> {
    const parties = await tx.manager.query<{ id: string; side: PartySide; national_id: string | null; representative_id: string | null }[]>(
      'SELECT id, side, national_id, representative_id FROM lawsuit_parties WHERE lawsuit_id = $1 ORDER BY side, created_at',
      [lawsuitId],
    );
    const accounts = await this.people.nationalIdsOf(
      tx,
      parties.map((p) => p.representative_id),
    );
    return parties.map((p) => ({
      id: p.id,
      side: p.side,
      nationalId: p.national_id?.trim() ?? null,
      representativeId: p.representative_id,
      representativeNationalId: p.representative_id ? (accounts.get(p.representative_id)?.trim() ?? null) : null,
    }));
  }

  /** Where one party is reached: at their own national ID and at their representative's. */
  async ofParty(tx: WorkContext, party: { nationalId: string | null; representativeId: string | null }): Promise<string[]> {
    const representative = party.representativeId
      ? ((await this.people.nationalIdsOf(tx, [party.representativeId])).get(party.representativeId)?.trim() ?? null)
      : null;
    return [...new Set([party.nationalId?.trim() ?? null, representative].filter((n): n is string => !!n))];
  }

  /** Every address of these parties, once each. */
  static addressesOf(parties: PartyAddress[]): string[] {
    return [...new Set(parties.flatMap((p) => [p.nationalId, p.representativeNationalId].filter((n): n is string => !!n)))];
  }
}
