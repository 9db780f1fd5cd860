/**
 * A power of attorney row as every change takes it: locked, checked for visibility, moved through
 * its state machine (the one place a state is set) or only versioned when its parts change, always
 * with an optimistic check on the version. Runs inside the caller's transaction.
 */
import { Injectable } from '@nestjs/common';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError, StaleVersionError } from '../../core/errors/domain-error';
import { effectiveState, PoaEvent, poaMachine } from './poa-state-machine';
import { PowerOfAttorney } from './power-of-attorney.entity';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';

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
    if (!can(tx, 'read', 'PowerOfAttorney', await this.reads.shape(tx, poa))) throw new NotFoundError('PowerOfAttorney');
    return poa;
  }

  async lock(tx: RequestContext, id: string): Promise<PowerOfAttorney> {
    const poa = await tx.repo(PowerOfAttorney).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
    if (!poa) throw new NotFoundError('PowerOfAttorney');
    return poa;
  }

  /** The one place a state is set: through the machine, from the effective state, with its audit event. */
  async apply(tx: RequestContext, poa: PowerOfAttorney, event: PoaEvent, patch: Partial<PowerOfAttorney> = {}): Promise<PowerOfAttorney> {
    const state = poaMachine.next(event === 'expire' || event === 'lapse' ? poa.state : effectiveState(poa, tx.now()), event);
    await this.update(tx, poa, { ...patch, state });
    tx.audit({
      action: `poa.${event}`,
      subjectType: 'PowerOfAttorney',
      subjectId: poa.id,
      before: snapshot(poa),
      after: { state, ...patch },
    });
    return tx.repo(PowerOfAttorney).findOneByOrFail({ id: poa.id });
  }

  /** A change to the parts (agents, powers) raises the version, so that concurrent editors notice. */
  async bump(tx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorney> {
    await this.update(tx, poa, {});
    return tx.repo(PowerOfAttorney).findOneByOrFail({ id: poa.id });
  }

  /** The national IDs of its principals and agents: who hears of a change to it. */
  async everyone(tx: RequestContext, poaId: string): Promise<string[]> {
    const rows = await tx.manager.query<{ national_id: string }[]>(
      'SELECT national_id FROM poa_principals WHERE poa_id = $1 UNION SELECT national_id FROM poa_agents WHERE poa_id = $1',
      [poaId],
    );
    return rows.map((r) => r.national_id);
  }

  private async update(tx: RequestContext, poa: PowerOfAttorney, patch: Partial<PowerOfAttorney>): Promise<void> {
    const result = await tx
      .repo(PowerOfAttorney)
      .createQueryBuilder()
      .update()
      .set({ ...patch, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: poa.id, version: poa.version })
      .execute();
    if (result.affected !== 1) throw new StaleVersionError('PowerOfAttorney');
  }
}
