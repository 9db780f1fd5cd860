/**
 * Which parts of what the API answers are the signed-in person's to act on: their party in a case
 * (as the party, or as its representative of record), the settlements still waiting for that
 * party's consent, and the contracts still waiting for their signature.
 */
import type { DashboardCaseFragment, DashboardCasesQuery, DashboardContractsQuery } from '../../gql/graphql';

export interface Me {
  id: string;
  nationalId: string;
}

export type CaseItem = DashboardCaseFragment;
/** A case with its settlements, as the dashboard's own list has it. */
export type WithSettlements = DashboardCasesQuery['lawsuits']['edges'][number]['node'];
export type ContractItem = DashboardContractsQuery['myContracts']['edges'][number]['node'];
type Party = CaseItem['parties'][number];

/** The person's own party in the case, else the one they represent, else none (a filer who is neither). */
export function myParty(lawsuit: Pick<CaseItem, 'parties'>, me: Me): { party: Party; representing: boolean } | null {
  const own = lawsuit.parties.find((p) => p.nationalId === me.nationalId);
  if (own) return { party: own, representing: false };
  const represented = lawsuit.parties.find((p) => p.representativeId === me.id);
  return represented ? { party: represented, representing: true } : null;
}

/** Settlements proposed in the person's cases that their party has not consented to yet. */
export function settlementsToAnswer(lawsuits: WithSettlements[], me: Me): { settlementId: string; lawsuit: WithSettlements }[] {
  return lawsuits.flatMap((lawsuit) => {
    const mine = myParty(lawsuit, me);
    if (!mine) return [];
    return lawsuit.settlements
      .filter((s) => s.state === 'PROPOSED' && !s.consents.some((c) => c.partyId === mine.party.id))
      .map((s) => ({ settlementId: s.id, lawsuit }));
  });
}

/** Contracts put to signature where the person signs for a party that has not signed them (or whose signature lapsed). */
export function contractsToSign(contracts: ContractItem[], me: Me): ContractItem[] {
  return contracts.filter((contract) =>
    contract.parties.some(
      (party) =>
        (party.nationalId === me.nationalId || party.signatoryNationalId === me.nationalId) &&
        !contract.signatures.some((s) => s.partyId === party.id && s.purpose === 'SIGN' && !s.invalidatedAt),
    ),
  );
}

/** An address a link may open: http(s) only, whatever the API was given. */
export const webAddress = (url: string | null | undefined): string | null => (url && /^https?:\/\//i.test(url) ? url : null);
