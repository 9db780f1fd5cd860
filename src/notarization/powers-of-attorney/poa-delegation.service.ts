/**
 * New powers of attorney made from an existing one: an agent holding the right to delegate issues
 * a child bounded by its parent (with a fresh TOTP code, as electronically issued), and a principal
 * or a notary replicates the terms still in force into a new one. Both are written by issuing.
 */
import { Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, FieldError, ForbiddenError } from '../../core/errors/domain-error';
import { AuthService } from '../../identity';
import { PowerOfAttorneyIssuing } from './poa-issuing.service';
import { effectiveState } from './poa-state-machine';
import { PoaTransitions } from './poa-transitions';
import { AgentState, PoaIssuance, PoaState } from './poa.enums';
import { DelegatePowerOfAttorneyInput, ReplicatePowerOfAttorneyInput } from './poa.inputs';
import { IssuedPowerOfAttorney } from './poa.models';
import { PoaAgent, PoaPower, PoaPrincipal } from './power-of-attorney.entity';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class PowerOfAttorneyDelegation {
  constructor(
    private readonly tx: Transactions,
    private readonly auth: AuthService,
    private readonly issuing: PowerOfAttorneyIssuing,
    private readonly transitions: PoaTransitions,
    private readonly reads: PowerOfAttorneyReads,
  ) {}

  /** An agent holding the right to delegate issues a child power of attorney, bounded by its parent. */
  async delegate(ctx: RequestContext, input: DelegatePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const parent = await this.transitions.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, parent);
      authorize(tx, 'delegate', 'PowerOfAttorney', shape);
      const state = effectiveState(parent, tx.now());
      if (state !== PoaState.ACTIVE) throw new BadUserInputError([{ field: 'input.id', message: NOTARIZATION.poaInState({ state }) }]);
      const agent = await tx.repo(PoaAgent).findOneByOrFail({ poaId: parent.id, nationalId: tx.actor!.nationalId });
      if (agent.state !== AgentState.ACTIVE) throw BadUserInputError.field('input.id', NOTARIZATION.noLongerAgent({ state: agent.state }));
      const problems: FieldError[] = [];
      const inForce = new Set((await tx.repo(PoaPower).findBy({ poaId: parent.id })).filter((p) => !p.revokedAt).map((p) => p.code));
      input.powers.forEach((code, i) => {
        if (!inForce.has(code)) problems.push({ field: `input.powers.${i}`, message: NOTARIZATION.powerNotInParent({ code }) });
      });
      const validTo = input.validTo ?? parent.validTo;
      if (validTo.getTime() > parent.validTo.getTime())
        problems.push({ field: 'input.validTo', message: NOTARIZATION.outlastsParent({ validTo: parent.validTo.toISOString() }) });
      if (input.canDelegate && !parent.canDelegate)
        problems.push({ field: 'input.canDelegate', message: NOTARIZATION.parentForbidsDelegation() });
      input.agents.forEach((a, i) => {
        if (a.nationalId === tx.actor!.nationalId)
          problems.push({ field: `input.agents.${i}.nationalId`, message: NOTARIZATION.isDelegatingAgent() });
      });
      if (problems.length) throw new BadUserInputError(problems);
      // Issued electronically by the agent: strongly authenticated, as a self-issued one.
      await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      const principals = await tx.repo(PoaPrincipal).find({ where: { poaId: parent.id }, order: { position: 'ASC' } });
      const now = tx.now();
      return this.issuing.create(tx, {
        issuance: PoaIssuance.DELEGATION,
        notaryOfficeId: null,
        principals: principals.map((p) => ({ nationalId: p.nationalId, nameAr: p.nameAr, nameEn: p.nameEn })),
        agents: input.agents,
        powers: input.powers,
        validFrom: parent.validFrom.getTime() > now.getTime() ? parent.validFrom : now,
        validTo,
        canDelegate: input.canDelegate,
        parent: { poa: parent, agentId: agent.id, principals },
      });
    });
  }

  /** A new power of attorney from the terms still in force of an old one (its principals, agents and powers). */
  async replicate(ctx: RequestContext, input: ReplicatePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    const issuance = input.notaryOfficeId ? PoaIssuance.NOTARY : PoaIssuance.SELF;
    authorize(ctx, 'create', 'PowerOfAttorney', { issuance, notaryOfficeId: input.notaryOfficeId ?? null });
    return this.tx.run(ctx, async (tx) => {
      const source = await this.transitions.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, source);
      // A self-issued copy is made by one of its principals; a notary's copy by a notary who may read it.
      if (issuance === PoaIssuance.SELF && !shape.principalNationalIds.includes(tx.actor!.nationalId)) {
        throw new ForbiddenError(NOTARIZATION.replicateByPrincipal());
      }
      const principals = await tx.repo(PoaPrincipal).find({ where: { poaId: source.id }, order: { position: 'ASC' } });
      const agents = await tx.repo(PoaAgent).find({ where: { poaId: source.id, state: AgentState.ACTIVE }, order: { position: 'ASC' } });
      const powers = await tx.repo(PoaPower).find({ where: { poaId: source.id }, order: { position: 'ASC' } });
      const inForce = powers.filter((p) => !p.revokedAt).map((p) => p.code);
      if (!agents.length || !inForce.length) throw BadUserInputError.field('input.id', NOTARIZATION.nothingInForce());
      const issued = await this.issuing.create(tx, {
        issuance,
        notaryOfficeId: input.notaryOfficeId ?? null,
        principals: principals.map((p) => ({ nationalId: p.nationalId, nameAr: p.nameAr, nameEn: p.nameEn })),
        agents: agents.map((a) => ({
          nationalId: a.nationalId,
          nameAr: a.nameAr,
          nameEn: a.nameEn,
          lawyerLicense: a.lawyerLicense ?? undefined,
        })),
        powers: inForce,
        validFrom: input.validFrom ?? tx.now(),
        validTo: input.validTo,
        canDelegate: source.canDelegate,
        replicatedFromId: source.id,
      });
      if (issuance === PoaIssuance.SELF) await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      return issued;
    });
  }
}
