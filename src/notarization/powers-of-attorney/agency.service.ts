/**
 * Acting for someone else: the one question other modules (lawsuits, notarized contracts) ask of
 * powers of attorney. It reads the database inside the caller's transaction and locks the power
 * of attorney it returns (FOR SHARE), so a revocation cannot commit between the check and the act.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { actingFor } from './acting-for';
import { ForbiddenError, PowerOfAttorneyInactiveError } from '../../core/errors/domain-error';
import { PowerCode } from './powers';
import { NOTARIZATION } from '../notarization-messages';

export { PowerOfAttorneyInactiveError } from '../../core/errors/domain-error';

/** The transaction object Transactions.run gives (a RequestContext bound to the transaction). */
export type TxContext = RequestContext;

interface LinkRow {
  id: string;
  in_force: boolean;
}

@Injectable()
export class AgencyService {
  /**
   * The active power of attorney under which the person `agentNationalId` may do `power` for the person
   * `principalNationalId` (optionally: this very one). POWER_OF_ATTORNEY_INACTIVE when the only
   * powers of attorney granting it are revoked, expired, withdrawn from, lapsed or had that power
   * revoked; FORBIDDEN when none ever granted it.
   */
  async requireAgency(
    tx: TxContext,
    q: { agentNationalId: string; principalNationalId: string; power: PowerCode; powerOfAttorneyId?: string },
  ): Promise<{ powerOfAttorneyId: string }> {
    const rows = await tx.manager.query<LinkRow[]>(
      `SELECT p.id,
              (p.state = 'ACTIVE' AND a.state = 'ACTIVE' AND w.revoked_at IS NULL
               AND p.valid_from <= $4 AND p.valid_to > $4) AS in_force
         FROM poa_agents a
         JOIN powers_of_attorney p ON p.id = a.poa_id
         JOIN poa_principals pr ON pr.poa_id = p.id AND pr.national_id = $2
         JOIN poa_powers w ON w.poa_id = p.id AND w.code = $3
        WHERE a.national_id = $1 AND ($5::uuid IS NULL OR p.id = $5::uuid)
        ORDER BY in_force DESC, p.valid_to DESC
        FOR SHARE OF p`,
      [q.agentNationalId, q.principalNationalId, q.power, tx.now(), q.powerOfAttorneyId ?? null],
    );
    const active = rows.find((r) => r.in_force);
    if (active) return { powerOfAttorneyId: active.id };
    if (rows.length) throw new PowerOfAttorneyInactiveError(NOTARIZATION.powerEnded({ power: q.power }), { power: q.power });
    throw new ForbiddenError(NOTARIZATION.noPowerGranted({ power: q.power }));
  }

  /**
   * The party of a lawsuit the actor acts as: themselves, or a principal under a power of attorney
   * granting `power` (chosen from the agencies loaded with the actor, then confirmed and locked in
   * this transaction, so that a revocation committed meanwhile is not missed). Null when neither.
   */
  async actFor<P extends { nationalId: string | null; representativeId?: string | null }>(
    tx: TxContext,
    parties: P[],
    power: PowerCode,
  ): Promise<{ party: P; powerOfAttorneyId: string | null } | null> {
    const acting = actingFor(tx.actor!, parties, power);
    if (acting?.powerOfAttorneyId) {
      await this.requireAgency(tx, {
        agentNationalId: tx.actor!.nationalId,
        principalNationalId: acting.party.nationalId!,
        power,
        powerOfAttorneyId: acting.powerOfAttorneyId,
      });
    }
    return acting;
  }
}
