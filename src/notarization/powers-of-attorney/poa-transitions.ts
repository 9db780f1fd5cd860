/**
 * A power of attorney row as every change takes it: locked, checked for visibility, moved through
 * its state machine (the one place a state is set) or only versioned when its parts change, always
 * with an optimistic check on the version. Runs inside the caller's transaction.
 */
import { Injectable } from '@nestjs/common';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError } from '../../core/errors/domain-error';
import { run } from '../../core/lifecycle/lifecycle';
import { versionedStore, writeAtVersion } from '../../core/lifecycle/versioned-store';
import { PoaState } from './poa.enums';
import { effectiveState, PoaEvent, poaMachine } from './poa-state-machine';
import { PowerOfAttorney } from './power-of-attorney.entity';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { NOTARIZATION } from '../notarization-messages';

/** What the audit records of a power of attorney before and after a change. */
export function snapshot(p: PowerOfAttorney) {
  return { number: p.number, state: p.state, validFrom: p.validFrom, validTo: p.validTo, version: p.version };
}

@Injectable()
export class PoaTransitions {
  constructor(private readonly reads: PowerOfAttorneyReads) {}

  /** Locks the row; NOT_FOUND unless the caller may read it (existence is not revealed). */
  async lockVisible(tx: RequestContext, id: string): Promise<PowerOfAttorney> {
    const poa = await this.lock(tx, id);
    if (!can(tx, 'read', 'PowerOfAttorney', await this.reads.shape(tx, poa))) throw new NotFoundError(NOTARIZATION.poaNotFound());
    return poa;
  }

  async lock(tx: RequestContext, id: string): Promise<PowerOfAttorney> {
    const poa = await tx.repo(PowerOfAttorney).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
    if (!poa) throw new NotFoundError(NOTARIZATION.poaNotFound());
    return poa;
  }

  /**
   * The one place a state is set: the lifecycle engine moves the power of attorney from its
   * effective state (one past its end is expired before the sweep writes it), or, for the sweep's
   * own `expire` and `lapse`, from the state as stored.
   */
  apply(tx: RequestContext, poa: PowerOfAttorney, event: PoaEvent, patch: Partial<PowerOfAttorney> = {}): Promise<PowerOfAttorney> {
    return run(tx, poaMachine, this.store, poa, event, {
      patch,
      from: event === 'expire' || event === 'lapse' ? poa.state : undefined,
      audit: patch,
    });
  }

  /** A change to the parts (agents, powers) raises the version, so that concurrent editors notice. */
  bump(tx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorney> {
    return writeAtVersion(tx, PowerOfAttorney, poa, {}, 'PowerOfAttorney');
  }

  private readonly store = versionedStore<PowerOfAttorney, PoaState>(PowerOfAttorney, 'PowerOfAttorney', snapshot, (poa, tx) =>
    effectiveState(poa, tx.now()),
  );

  /** The national IDs of its principals and agents: who hears of a change to it. */
  async everyone(tx: RequestContext, poaId: string): Promise<string[]> {
    const rows = await tx.manager.query<{ national_id: string }[]>(
      'SELECT national_id FROM poa_principals WHERE poa_id = $1 UNION SELECT national_id FROM poa_agents WHERE poa_id = $1',
      [poaId],
    );
    return rows.map((r) => r.national_id);
  }
}
