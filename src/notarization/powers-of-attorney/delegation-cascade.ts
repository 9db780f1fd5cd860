/**
 * A delegated power of attorney never outlives what it came from: when its parent ended, or the
 * agent who delegated is no longer an agent, it is revoked; powers revoked in the parent are
 * revoked in it. Followed after every change that can end a parent or narrow it (revocation,
 * withdrawal, expiry), down the tree, in the caller's transaction.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../access/context/request-context';
import { NotificationKind } from '../../notifications';
import { PoaNotices } from './poa-notices';
import { effectiveState } from './poa-state-machine';
import { PoaTransitions } from './poa-transitions';
import { AgentState, PoaState } from './poa.enums';
import { PoaAgent, PoaPower, PowerOfAttorney } from './power-of-attorney.entity';

@Injectable()
export class DelegationCascade {
  constructor(
    private readonly transitions: PoaTransitions,
    private readonly notices: PoaNotices,
  ) {}

  /** Brings the children delegated from `parent` (as it now is) in line with it, and theirs in turn. */
  async follow(tx: RequestContext, parent: PowerOfAttorney): Promise<void> {
    const children = await tx.repo(PowerOfAttorney).find({ where: { parentId: parent.id, state: PoaState.ACTIVE } });
    if (!children.length) return;
    const parentState = effectiveState(parent, tx.now());
    const agents = await tx.repo(PoaAgent).findBy({ poaId: parent.id });
    const inForce = new Set((await tx.repo(PoaPower).findBy({ poaId: parent.id })).filter((p) => !p.revokedAt).map((p) => p.code));
    for (const stale of children) {
      const child = await this.transitions.lock(tx, stale.id);
      // One that ended by its own validity (never later than the parent's) is the sweep's to persist.
      if (effectiveState(child, tx.now()) !== PoaState.ACTIVE) continue;
      const delegator = agents.find((a) => a.id === child.delegatedByAgentId);
      const reason = `parent power of attorney ${parent.number} ended`;
      let result: PowerOfAttorney;
      if (parentState !== PoaState.ACTIVE || !delegator || delegator.state !== AgentState.ACTIVE) {
        result = await this.transitions.apply(tx, child, 'revoke', { endedAt: tx.now(), endReason: reason });
        await this.notices.send(tx, NotificationKind.POA_REVOKED, result, await this.transitions.everyone(tx, child.id), 'revoked', reason);
      } else {
        const powers = await tx.repo(PoaPower).findBy({ poaId: child.id });
        const lost = powers.filter((p) => !p.revokedAt && !inForce.has(p.code)).map((p) => p.code);
        if (!lost.length) continue;
        await tx.repo(PoaPower).update({ poaId: child.id, code: In(lost) }, { revokedAt: tx.now(), revokedReason: reason });
        const left = powers.filter((p) => !p.revokedAt && !lost.includes(p.code)).length;
        result = left
          ? await this.transitions.bump(tx, child)
          : await this.transitions.apply(tx, child, 'revoke', { endedAt: tx.now(), endReason: reason });
        tx.audit({ action: 'poa.partially_revoked', subjectType: 'PowerOfAttorney', subjectId: child.id, after: { powers: lost, reason } });
      }
      await this.follow(tx, result);
    }
  }
}
