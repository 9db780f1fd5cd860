/**
 * Ending an agency, from either side: a principal (or a notary of the issuing office) revokes the
 * whole power of attorney or only some agents and/or powers; an agent withdraws (تنحي). What is
 * left with nothing in force ends as a whole, and what was delegated from it follows.
 */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, FieldError } from '../../core/errors/domain-error';
import { NotificationKind } from '../../notifications';
import { DelegationCascade } from './delegation-cascade';
import { PoaNotices } from './poa-notices';
import { effectiveState, poaMachine } from './poa-state-machine';
import { PoaTransitions, snapshot } from './poa-transitions';
import { AgentState, PoaState } from './poa.enums';
import { RevokePowerOfAttorneyInput, WithdrawFromPowerOfAttorneyInput } from './poa.inputs';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class PowerOfAttorneyRevocation {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: PoaTransitions,
    private readonly cascade: DelegationCascade,
    private readonly reads: PowerOfAttorneyReads,
    private readonly notices: PoaNotices,
  ) {}

  /** A principal (or a notary of the issuing office) revokes the whole power of attorney, or some agents and/or powers. */
  async revoke(ctx: RequestContext, input: RevokePowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const poa = await this.transitions.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, poa);
      authorize(tx, 'revoke', 'PowerOfAttorney', shape);
      poaMachine.next(effectiveState(poa, tx.now()), 'revoke');
      const reason = input.reason.trim();
      const now = tx.now();
      if (!input.agentNationalIds?.length && !input.powers?.length) {
        const revoked = await this.transitions.apply(tx, poa, 'revoke', { endedAt: now, endReason: reason });
        await this.notices.send(tx, NotificationKind.POA_REVOKED, revoked, await this.transitions.everyone(tx, poa.id), 'revoked', reason);
        await this.cascade.follow(tx, revoked);
        return revoked;
      }
      const agents = await tx.repo(PoaAgent).findBy({ poaId: poa.id });
      const powers = await tx.repo(PoaPower).findBy({ poaId: poa.id });
      const problems: FieldError[] = [];
      (input.agentNationalIds ?? []).forEach((nid, i) => {
        const agent = agents.find((a) => a.nationalId === nid);
        if (!agent) problems.push({ field: `input.agentNationalIds.${i}`, message: NOTARIZATION.notAnAgent() });
        else if (agent.state !== AgentState.ACTIVE)
          problems.push({ field: `input.agentNationalIds.${i}`, message: NOTARIZATION.agentAlready({ state: agent.state }) });
      });
      (input.powers ?? []).forEach((code, i) => {
        const power = powers.find((p) => p.code === code);
        if (!power) problems.push({ field: `input.powers.${i}`, message: NOTARIZATION.powerNotGranted() });
        else if (power.revokedAt) problems.push({ field: `input.powers.${i}`, message: NOTARIZATION.powerRevokedAlready() });
      });
      if (problems.length) throw new BadUserInputError(problems);
      if (input.agentNationalIds?.length)
        await tx
          .repo(PoaAgent)
          .update(
            { poaId: poa.id, nationalId: In(input.agentNationalIds) },
            { state: AgentState.REVOKED, endedAt: now, endReason: reason },
          );
      if (input.powers?.length)
        await tx.repo(PoaPower).update({ poaId: poa.id, code: In(input.powers) }, { revokedAt: now, revokedReason: reason });
      tx.audit({
        action: 'poa.partially_revoked',
        subjectType: 'PowerOfAttorney',
        subjectId: poa.id,
        before: snapshot(poa),
        after: { agentNationalIds: input.agentNationalIds ?? [], powers: input.powers ?? [], reason },
      });
      const agentsLeft = agents.filter((a) => a.state === AgentState.ACTIVE && !input.agentNationalIds?.includes(a.nationalId)).length;
      const powersLeft = powers.filter((p) => !p.revokedAt && !input.powers?.includes(p.code)).length;
      const recipients = await this.transitions.everyone(tx, poa.id);
      // Nothing left in force: the power of attorney as a whole is revoked.
      const result =
        agentsLeft && powersLeft
          ? await this.transitions.bump(tx, poa)
          : await this.transitions.apply(tx, poa, 'revoke', { endedAt: now, endReason: reason });
      await this.notices.send(
        tx,
        agentsLeft && powersLeft ? NotificationKind.POA_PARTIALLY_REVOKED : NotificationKind.POA_REVOKED,
        result,
        recipients,
        `revoked-v${result.version}`,
        reason,
      );
      await this.cascade.follow(tx, result);
      return result;
    });
  }

  /** An agent steps down (تنحي); the others stay. When none is left, the power of attorney is WITHDRAWN. */
  async withdraw(ctx: RequestContext, input: WithdrawFromPowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const poa = await this.transitions.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, poa);
      authorize(tx, 'withdraw', 'PowerOfAttorney', shape);
      const state = effectiveState(poa, tx.now());
      const agent = await tx.repo(PoaAgent).findOneByOrFail({ poaId: poa.id, nationalId: tx.actor!.nationalId });
      if (state !== PoaState.ACTIVE || agent.state !== AgentState.ACTIVE) {
        poaMachine.next(agent.state !== AgentState.ACTIVE ? PoaState.WITHDRAWN : state, 'withdraw');
      }
      const now = tx.now();
      const reason = input.reason?.trim() ?? null;
      await tx.repo(PoaAgent).update(agent.id, { state: AgentState.WITHDRAWN, endedAt: now, endReason: reason });
      tx.audit({ action: 'poa.agent_withdrew', subjectType: 'PowerOfAttorney', subjectId: poa.id, after: { agentId: agent.id, reason } });
      const left = await tx.repo(PoaAgent).countBy({ poaId: poa.id, state: AgentState.ACTIVE });
      const result = left
        ? await this.transitions.bump(tx, poa)
        : await this.transitions.apply(tx, poa, 'withdraw', { endedAt: now, endReason: reason });
      const principals = (await tx.repo(PoaPrincipal).findBy({ poaId: poa.id })).map((p) => p.nationalId);
      await this.notices.send(tx, NotificationKind.POA_AGENT_WITHDREW, result, principals, `withdrew-${agent.id}`, agent.nameEn);
      await this.cascade.follow(tx, result);
      return result;
    });
  }
}
