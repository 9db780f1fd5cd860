/**
 * Powers of attorney: issuing (by a notary, or self-issued with a two-factor step-up), the other
 * principals' confirmations, revocation (whole or partial), an agent's withdrawal, delegation
 * (with the same step-up), replication and the expiry/lapse sweep (reads: powers-of-attorney-reads.service.ts). Every
 * change runs in one transaction with its audit event and its notices.
 */
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize, can } from '../../access/authorize';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import type { RequestContext } from '../../access/context/request-context';
import { countedEn } from '../../core/rules/counted';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, FieldError, ForbiddenError, NotFoundError, StaleVersionError } from '../../core/errors/domain-error';
import { DocumentKind } from '../../documents';
import { DocumentsService } from '../../documents';
import { AuthService, UserLookups } from '../../identity';
import { Role } from '../../access/role.enum';
import { SecretBox } from '../../core/crypto/secret-box';
import { NotificationKind } from '../../notifications';
import { OrganizationLookups } from '../../organizations';
import { POWER_OF_ATTORNEY_LIMITS } from './poa-limits';
import { PoaNotices } from './poa-notices';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { hashVerificationCode, newVerificationCode } from '../verification-codes';
import { effectiveState, PoaEvent, poaMachine } from './poa-state-machine';
import { AgentState, PoaIssuance, PoaState } from './poa.enums';
import {
  ConfirmPowerOfAttorneyInput,
  DelegatePowerOfAttorneyInput,
  IssuePowerOfAttorneyInput,
  PoaAgentInput,
  PoaPersonInput,
  ReplicatePowerOfAttorneyInput,
  RevokePowerOfAttorneyInput,
  WithdrawFromPowerOfAttorneyInput,
} from './poa.inputs';
import { IssuedPowerOfAttorney } from './poa.models';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { CURRENT_CATALOGUE_VERSION, isLitigationPower, PowerCode } from './powers';

/** How long a self-issued power of attorney, and one issued by a notary, may last (poa-limits.ts). */
export const SELF_ISSUED_MAX_YEARS = POWER_OF_ATTORNEY_LIMITS.selfIssuedValidity.maxYears;
export const NOTARY_ISSUED_MAX_YEARS = POWER_OF_ATTORNEY_LIMITS.notarizedValidity.maxYears;
/** Every principal of a multi-principal draft confirms within this window, or the draft lapses. */
export const CONFIRMATION_WINDOW_MS = POWER_OF_ATTORNEY_LIMITS.confirmation.hours * 3600_000;
/** How far in the past validFrom may be (clock skew between client and server). */
const PAST_TOLERANCE_MS = 5 * 60_000;
/** How far ahead a power of attorney may start. */
const MAX_START_AHEAD_MS = POWER_OF_ATTORNEY_LIMITS.start.maxDaysAhead * 86_400_000;

/** The terms of a new power of attorney, however it comes about. */
interface Terms {
  issuance: PoaIssuance;
  notaryOfficeId: string | null;
  principals: PoaPersonInput[];
  agents: PoaAgentInput[];
  powers: PowerCode[];
  validFrom: Date;
  validTo: Date;
  canDelegate: boolean;
  parent?: { poa: PowerOfAttorney; agentId: string; principals: PoaPrincipal[] };
  replicatedFromId?: string;
}

function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

function snapshot(p: PowerOfAttorney) {
  return { number: p.number, state: p.state, validFrom: p.validFrom, validTo: p.validTo, version: p.version };
}

@Injectable()
export class PowersOfAttorneyService {
  private readonly box: SecretBox;

  constructor(
    @Inject(ADL_CONFIG) config: AdlConfig,
    private readonly tx: Transactions,
    private readonly auth: AuthService,
    private readonly notices: PoaNotices,
    private readonly reads: PowerOfAttorneyReads,
    private readonly documents: DocumentsService,
    private readonly people: UserLookups,
    private readonly organizations: OrganizationLookups,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  // --- issuing -------------------------------------------------------------------------------

  async issue(ctx: RequestContext, input: IssuePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    const issuance = input.notaryOfficeId ? PoaIssuance.NOTARY : PoaIssuance.SELF;
    authorize(ctx, 'create', 'PowerOfAttorney', { issuance, notaryOfficeId: input.notaryOfficeId ?? null });
    return this.tx.run(ctx, async (tx) => {
      const issued = await this.create(tx, {
        issuance,
        notaryOfficeId: input.notaryOfficeId ?? null,
        principals: input.principals,
        agents: input.agents,
        powers: input.powers,
        validFrom: input.validFrom ?? tx.now(),
        validTo: input.validTo,
        canDelegate: input.canDelegate,
      });
      if (issuance === PoaIssuance.SELF) await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      return issued;
    });
  }

  /** A principal of a multi-principal draft confirms with a fresh TOTP code; the last one activates it. */
  async confirm(ctx: RequestContext, input: ConfirmPowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const poa = await this.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, poa);
      authorize(tx, 'confirm', 'PowerOfAttorney', shape);
      poaMachine.next(effectiveState(poa, tx.now()), 'confirm');
      const principal = await tx.repo(PoaPrincipal).findOneByOrFail({ poaId: poa.id, nationalId: tx.actor!.nationalId });
      if (principal.confirmedAt) throw BadUserInputError.field('input.id', 'you already confirmed this power of attorney');
      await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      await tx.repo(PoaPrincipal).update(principal.id, { confirmedAt: tx.now(), userId: tx.actor!.id });
      tx.audit({
        action: 'poa.principal_confirmed',
        subjectType: 'PowerOfAttorney',
        subjectId: poa.id,
        after: { principalId: principal.id },
      });
      const unconfirmed = await tx.manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM poa_principals WHERE poa_id = $1 AND confirmed_at IS NULL',
        [poa.id],
      );
      if (unconfirmed[0].n === 0) {
        const active = await this.applyEvent(tx, poa, 'confirm', { activatedAt: tx.now(), confirmBy: null });
        await this.notices.send(tx, NotificationKind.POA_ISSUED, active, await this.everyone(tx, poa.id), 'issued');
        await this.documents.issue(tx, DocumentKind.POWER_OF_ATTORNEY, active.id);
        return active;
      }
      return tx.repo(PowerOfAttorney).findOneByOrFail({ id: poa.id });
    });
  }

  /** A new power of attorney from the terms still in force of an old one (its principals, agents and powers). */
  async replicate(ctx: RequestContext, input: ReplicatePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    const issuance = input.notaryOfficeId ? PoaIssuance.NOTARY : PoaIssuance.SELF;
    authorize(ctx, 'create', 'PowerOfAttorney', { issuance, notaryOfficeId: input.notaryOfficeId ?? null });
    return this.tx.run(ctx, async (tx) => {
      const source = await this.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, source);
      // A self-issued copy is made by one of its principals; a notary's copy by a notary who may read it.
      if (issuance === PoaIssuance.SELF && !shape.principalNationalIds.includes(tx.actor!.nationalId)) {
        throw new ForbiddenError('Only a principal replicates a power of attorney in their own name.');
      }
      const principals = await tx.repo(PoaPrincipal).find({ where: { poaId: source.id }, order: { position: 'ASC' } });
      const agents = await tx.repo(PoaAgent).find({ where: { poaId: source.id, state: AgentState.ACTIVE }, order: { position: 'ASC' } });
      const powers = await tx.repo(PoaPower).find({ where: { poaId: source.id }, order: { position: 'ASC' } });
      const inForce = powers.filter((p) => !p.revokedAt).map((p) => p.code);
      if (!agents.length || !inForce.length)
        throw BadUserInputError.field('input.id', 'no agent or no power of this power of attorney is still in force');
      const issued = await this.create(tx, {
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

  /** An agent holding the right to delegate issues a child power of attorney, bounded by its parent. */
  async delegate(ctx: RequestContext, input: DelegatePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const parent = await this.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, parent);
      authorize(tx, 'delegate', 'PowerOfAttorney', shape);
      const state = effectiveState(parent, tx.now());
      if (state !== PoaState.ACTIVE) throw new BadUserInputError([{ field: 'input.id', message: `the power of attorney is ${state}` }]);
      const agent = await tx.repo(PoaAgent).findOneByOrFail({ poaId: parent.id, nationalId: tx.actor!.nationalId });
      if (agent.state !== AgentState.ACTIVE) throw BadUserInputError.field('input.id', `you are no longer an agent (${agent.state})`);
      const problems: FieldError[] = [];
      const inForce = new Set((await tx.repo(PoaPower).findBy({ poaId: parent.id })).filter((p) => !p.revokedAt).map((p) => p.code));
      input.powers.forEach((code, i) => {
        if (!inForce.has(code))
          problems.push({ field: `input.powers.${i}`, message: `${code} is not granted in force by the parent power of attorney` });
      });
      const validTo = input.validTo ?? parent.validTo;
      if (validTo.getTime() > parent.validTo.getTime())
        problems.push({ field: 'input.validTo', message: `cannot outlast the parent power of attorney (${parent.validTo.toISOString()})` });
      if (input.canDelegate && !parent.canDelegate) problems.push({ field: 'input.canDelegate', message: 'the parent does not allow it' });
      input.agents.forEach((a, i) => {
        if (a.nationalId === tx.actor!.nationalId)
          problems.push({ field: `input.agents.${i}.nationalId`, message: 'is you, the delegating agent' });
      });
      if (problems.length) throw new BadUserInputError(problems);
      // Issued electronically by the agent: strongly authenticated, as a self-issued one.
      await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      const principals = await tx.repo(PoaPrincipal).find({ where: { poaId: parent.id }, order: { position: 'ASC' } });
      const now = tx.now();
      return this.create(tx, {
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

  /** Checks the terms, writes the power of attorney with its parts, audits and notifies. Inside a transaction. */
  private async create(tx: RequestContext, t: Terms): Promise<IssuedPowerOfAttorney> {
    const now = tx.now();
    const actor = tx.actor!;
    const problems: FieldError[] = [];
    const dupes = (list: { nationalId: string }[], path: string) =>
      list.forEach((p, i) => {
        if (list.findIndex((q) => q.nationalId === p.nationalId) !== i)
          problems.push({ field: `${path}.${i}.nationalId`, message: 'is listed twice' });
      });
    dupes(t.principals, 'input.principals');
    dupes(t.agents, 'input.agents');
    const principalIds = new Set(t.principals.map((p) => p.nationalId));
    t.agents.forEach((a, i) => {
      if (principalIds.has(a.nationalId)) problems.push({ field: `input.agents.${i}.nationalId`, message: 'is also a principal' });
    });
    t.powers.forEach((code, i) => {
      if (t.powers.indexOf(code) !== i) problems.push({ field: `input.powers.${i}`, message: 'is listed twice' });
    });
    if (t.issuance === PoaIssuance.SELF && !principalIds.has(actor.nationalId))
      problems.push({ field: 'input.principals', message: 'a self-issued power of attorney must include you as a principal' });
    if (!t.parent) {
      if (t.validFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS)
        problems.push({ field: 'input.validFrom', message: 'cannot be in the past' });
      if (t.validFrom.getTime() > now.getTime() + MAX_START_AHEAD_MS)
        problems.push({
          field: 'input.validFrom',
          message: `is more than ${countedEn(POWER_OF_ATTORNEY_LIMITS.start.maxDaysAhead, 'day')} ahead`,
        });
    }
    if (t.validTo.getTime() <= Math.max(t.validFrom.getTime(), now.getTime()))
      problems.push({ field: 'input.validTo', message: 'must be after validFrom and in the future' });
    const maxYears = t.issuance === PoaIssuance.SELF ? SELF_ISSUED_MAX_YEARS : NOTARY_ISSUED_MAX_YEARS;
    if (t.issuance !== PoaIssuance.DELEGATION && t.validTo.getTime() > addYears(t.validFrom, maxYears).getTime())
      problems.push({
        field: 'input.validTo',
        message: `a ${t.issuance === PoaIssuance.SELF ? 'self-issued' : 'notarized'} power of attorney lasts at most ${maxYears} year(s)`,
      });
    if (t.notaryOfficeId && !(await this.organizations.findNotaryOffice(tx, t.notaryOfficeId)))
      problems.push({ field: 'input.notaryOfficeId', message: 'no such notary office' });
    // Persons with an account are linked; a lawyer's licence is checked when litigation powers go to them.
    const nationalIds = [...t.principals, ...t.agents].map((p) => p.nationalId);
    const users = await this.people.byNationalIds(tx, nationalIds);
    const userOf = (nid: string) => users.find((u) => u.nationalId === nid) ?? null;
    const litigation = t.powers.some(isLitigationPower);
    const licences = t.agents.map((a, i) => {
      const user = userOf(a.nationalId);
      const licence = user && user.roles.includes(Role.LAWYER) ? user.lawyerLicense : null;
      if (a.lawyerLicense) {
        if (licence !== a.lawyerLicense)
          problems.push({ field: `input.agents.${i}.lawyerLicense`, message: 'does not match a licensed lawyer with this national ID' });
        return a.lawyerLicense;
      }
      return litigation ? licence : null;
    });
    if (problems.length) throw new BadUserInputError(problems);

    const code = newVerificationCode();
    const [{ seq }] = await tx.manager.query<{ seq: string }[]>(`SELECT nextval('power_of_attorney_number_seq')::text AS seq`);
    const number = `POA-${now.getUTCFullYear()}-${seq.padStart(8, '0')}`;
    // Confirmations: before a notary every principal is present; a delegation binds the principals
    // already; a self-issued one with several principals waits for the others.
    const draft = t.issuance === PoaIssuance.SELF && t.principals.length > 1;
    const poa = await tx.repo(PowerOfAttorney).save(
      tx.repo(PowerOfAttorney).create({
        number,
        verificationHash: hashVerificationCode(code),
        verificationSealed: this.box.seal(code),
        issuance: t.issuance,
        notaryOfficeId: t.notaryOfficeId,
        issuedBy: actor.id,
        parentId: t.parent?.poa.id ?? null,
        delegatedByAgentId: t.parent?.agentId ?? null,
        replicatedFromId: t.replicatedFromId ?? null,
        catalogueVersion: CURRENT_CATALOGUE_VERSION,
        validFrom: t.validFrom,
        validTo: t.validTo,
        canDelegate: t.canDelegate,
        state: draft ? PoaState.DRAFT : PoaState.ACTIVE,
        confirmBy: draft ? new Date(now.getTime() + CONFIRMATION_WINDOW_MS) : null,
        activatedAt: draft ? null : now,
        endedAt: null,
        endReason: null,
        version: 1,
      }),
    );
    await tx.repo(PoaPrincipal).save(
      t.principals.map((p, i) =>
        tx.repo(PoaPrincipal).create({
          poaId: poa.id,
          nationalId: p.nationalId,
          userId: userOf(p.nationalId)?.id ?? null,
          nameAr: p.nameAr.trim(),
          nameEn: p.nameEn.trim(),
          position: i + 1,
          confirmedAt:
            draft && p.nationalId !== actor.nationalId
              ? null
              : (t.parent?.principals.find((q) => q.nationalId === p.nationalId)?.confirmedAt ?? now),
        }),
      ),
    );
    await tx.repo(PoaAgent).save(
      t.agents.map((a, i) =>
        tx.repo(PoaAgent).create({
          poaId: poa.id,
          nationalId: a.nationalId,
          userId: userOf(a.nationalId)?.id ?? null,
          nameAr: a.nameAr.trim(),
          nameEn: a.nameEn.trim(),
          position: i + 1,
          lawyerLicense: licences[i],
          state: AgentState.ACTIVE,
          endedAt: null,
          endReason: null,
        }),
      ),
    );
    await tx.repo(PoaPower).save(
      t.powers.map((code, i) =>
        tx.repo(PoaPower).create({
          poaId: poa.id,
          catalogueVersion: CURRENT_CATALOGUE_VERSION,
          code,
          position: i + 1,
          revokedAt: null,
          revokedReason: null,
        }),
      ),
    );
    tx.audit({
      action: t.parent ? 'poa.delegated' : t.replicatedFromId ? 'poa.replicated' : 'poa.issued',
      subjectType: 'PowerOfAttorney',
      subjectId: poa.id,
      after: {
        ...snapshot(poa),
        issuance: poa.issuance,
        notaryOfficeId: poa.notaryOfficeId,
        parentId: poa.parentId,
        replicatedFromId: poa.replicatedFromId,
        powers: t.powers,
        principals: t.principals.length,
        agents: t.agents.length,
      },
    });
    const everyone = [...t.principals, ...t.agents].map((p) => p.nationalId);
    if (draft) {
      const others = t.principals.filter((p) => p.nationalId !== actor.nationalId).map((p) => p.nationalId);
      await this.notices.send(tx, NotificationKind.POA_CONFIRMATION_REQUESTED, poa, others, 'draft', poa.confirmBy!.toISOString());
    } else if (t.parent) {
      await this.notices.send(tx, NotificationKind.POA_DELEGATED, poa, everyone, 'delegated', t.parent.poa.number);
    } else {
      await this.notices.send(tx, NotificationKind.POA_ISSUED, poa, everyone, 'issued');
    }
    // In force from now on (a draft gets its document with the last confirmation).
    if (!draft) await this.documents.issue(tx, DocumentKind.POWER_OF_ATTORNEY, poa.id);
    return { powerOfAttorney: poa, verificationCode: code };
  }

  // --- lifecycle -----------------------------------------------------------------------------

  /** A principal (or a notary of the issuing office) revokes the whole power of attorney, or some agents and/or powers. */
  async revoke(ctx: RequestContext, input: RevokePowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const poa = await this.lockVisible(tx, input.id);
      const shape = await this.reads.shape(tx, poa);
      authorize(tx, 'revoke', 'PowerOfAttorney', shape);
      poaMachine.next(effectiveState(poa, tx.now()), 'revoke');
      const reason = input.reason.trim();
      const now = tx.now();
      if (!input.agentNationalIds?.length && !input.powers?.length) {
        const revoked = await this.applyEvent(tx, poa, 'revoke', { endedAt: now, endReason: reason });
        await this.notices.send(tx, NotificationKind.POA_REVOKED, revoked, await this.everyone(tx, poa.id), 'revoked', reason);
        await this.cascade(tx, revoked);
        return revoked;
      }
      const agents = await tx.repo(PoaAgent).findBy({ poaId: poa.id });
      const powers = await tx.repo(PoaPower).findBy({ poaId: poa.id });
      const problems: FieldError[] = [];
      (input.agentNationalIds ?? []).forEach((nid, i) => {
        const agent = agents.find((a) => a.nationalId === nid);
        if (!agent) problems.push({ field: `input.agentNationalIds.${i}`, message: 'is not an agent of this power of attorney' });
        else if (agent.state !== AgentState.ACTIVE)
          problems.push({ field: `input.agentNationalIds.${i}`, message: `the agent is already ${agent.state}` });
      });
      (input.powers ?? []).forEach((code, i) => {
        const power = powers.find((p) => p.code === code);
        if (!power) problems.push({ field: `input.powers.${i}`, message: 'is not granted by this power of attorney' });
        else if (power.revokedAt) problems.push({ field: `input.powers.${i}`, message: 'is already revoked' });
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
      const recipients = await this.everyone(tx, poa.id);
      // Nothing left in force: the power of attorney as a whole is revoked.
      const result =
        agentsLeft && powersLeft ? await this.bump(tx, poa) : await this.applyEvent(tx, poa, 'revoke', { endedAt: now, endReason: reason });
      await this.notices.send(
        tx,
        agentsLeft && powersLeft ? NotificationKind.POA_PARTIALLY_REVOKED : NotificationKind.POA_REVOKED,
        result,
        recipients,
        `revoked-v${result.version}`,
        reason,
      );
      await this.cascade(tx, result);
      return result;
    });
  }

  /** An agent steps down (تنحي); the others stay. When none is left, the power of attorney is WITHDRAWN. */
  async withdraw(ctx: RequestContext, input: WithdrawFromPowerOfAttorneyInput): Promise<PowerOfAttorney> {
    return this.tx.run(ctx, async (tx) => {
      const poa = await this.lockVisible(tx, input.id);
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
      const result = left ? await this.bump(tx, poa) : await this.applyEvent(tx, poa, 'withdraw', { endedAt: now, endReason: reason });
      const principals = (await tx.repo(PoaPrincipal).findBy({ poaId: poa.id })).map((p) => p.nationalId);
      await this.notices.send(tx, NotificationKind.POA_AGENT_WITHDREW, result, principals, `withdrew-${agent.id}`, agent.nameEn);
      await this.cascade(tx, result);
      return result;
    });
  }

  /**
   * Persists expiry (active ones past their end) and lapse (drafts past their confirmation window),
   * audits and notifies. Reads are already right before this runs (effectiveState); run by the worker.
   */
  async sweep(ctx: RequestContext, limit = 500): Promise<{ expired: number; lapsed: number }> {
    const now = ctx.now();
    const due = await ctx.manager.query<{ id: string; state: PoaState }[]>(
      `(SELECT id, state FROM powers_of_attorney WHERE state = 'ACTIVE' AND valid_to <= $1 ORDER BY valid_to LIMIT $2)
       UNION ALL
       (SELECT id, state FROM powers_of_attorney WHERE state = 'DRAFT' AND confirm_by <= $1 ORDER BY confirm_by LIMIT $2)`,
      [now, limit],
    );
    const counts = { expired: 0, lapsed: 0 };
    for (const row of due) {
      await this.tx.run(ctx, async (tx) => {
        const poa = await this.lock(tx, row.id);
        const event: PoaEvent = poa.state === PoaState.ACTIVE ? 'expire' : 'lapse';
        if (effectiveState(poa, tx.now()) === poa.state) return; // changed meanwhile
        const ended = await this.applyEvent(tx, poa, event, { endedAt: event === 'expire' ? poa.validTo : poa.confirmBy });
        const kind = event === 'expire' ? NotificationKind.POA_EXPIRED : NotificationKind.POA_LAPSED;
        await this.notices.send(tx, kind, ended, await this.everyone(tx, poa.id), event);
        await this.cascade(tx, ended);
        counts[event === 'expire' ? 'expired' : 'lapsed'] += 1;
      });
    }
    return counts;
  }

  /**
   * A delegated power of attorney never outlives what it came from: when its parent ended, or the
   * agent who delegated is no longer an agent, it is revoked; powers revoked in the parent are
   * revoked in it. Recurses down the tree, in the caller's transaction.
   */
  private async cascade(tx: RequestContext, parent: PowerOfAttorney): Promise<void> {
    const children = await tx.repo(PowerOfAttorney).find({ where: { parentId: parent.id, state: PoaState.ACTIVE } });
    if (!children.length) return;
    const parentState = effectiveState(parent, tx.now());
    const agents = await tx.repo(PoaAgent).findBy({ poaId: parent.id });
    const inForce = new Set((await tx.repo(PoaPower).findBy({ poaId: parent.id })).filter((p) => !p.revokedAt).map((p) => p.code));
    for (const stale of children) {
      const child = await this.lock(tx, stale.id);
      // One that ended by its own validity (never later than the parent's) is the sweep's to persist.
      if (effectiveState(child, tx.now()) !== PoaState.ACTIVE) continue;
      const delegator = agents.find((a) => a.id === child.delegatedByAgentId);
      const reason = `parent power of attorney ${parent.number} ended`;
      let result: PowerOfAttorney;
      if (parentState !== PoaState.ACTIVE || !delegator || delegator.state !== AgentState.ACTIVE) {
        result = await this.applyEvent(tx, child, 'revoke', { endedAt: tx.now(), endReason: reason });
        await this.notices.send(tx, NotificationKind.POA_REVOKED, result, await this.everyone(tx, child.id), 'revoked', reason);
      } else {
        const powers = await tx.repo(PoaPower).findBy({ poaId: child.id });
        const lost = powers.filter((p) => !p.revokedAt && !inForce.has(p.code)).map((p) => p.code);
        if (!lost.length) continue;
        await tx.repo(PoaPower).update({ poaId: child.id, code: In(lost) }, { revokedAt: tx.now(), revokedReason: reason });
        const left = powers.filter((p) => !p.revokedAt && !lost.includes(p.code)).length;
        result = left ? await this.bump(tx, child) : await this.applyEvent(tx, child, 'revoke', { endedAt: tx.now(), endReason: reason });
        tx.audit({ action: 'poa.partially_revoked', subjectType: 'PowerOfAttorney', subjectId: child.id, after: { powers: lost, reason } });
      }
      await this.cascade(tx, result);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Locks the row; NOT_FOUND unless the caller may read it (existence is not revealed). */
  private async lockVisible(tx: RequestContext, id: string): Promise<PowerOfAttorney> {
    const poa = await this.lock(tx, id);
    if (!can(tx, 'read', 'PowerOfAttorney', await this.reads.shape(tx, poa))) throw new NotFoundError('PowerOfAttorney');
    return poa;
  }

  private async lock(tx: RequestContext, id: string): Promise<PowerOfAttorney> {
    const poa = await tx.repo(PowerOfAttorney).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
    if (!poa) throw new NotFoundError('PowerOfAttorney');
    return poa;
  }

  /** The one place a state is set: through the machine, from the effective state, with its audit event. */
  private async applyEvent(
    tx: RequestContext,
    poa: PowerOfAttorney,
    event: PoaEvent,
    patch: Partial<PowerOfAttorney> = {},
  ): Promise<PowerOfAttorney> {
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
  private async bump(tx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorney> {
    await this.update(tx, poa, {});
    return tx.repo(PowerOfAttorney).findOneByOrFail({ id: poa.id });
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

  private async everyone(tx: RequestContext, poaId: string): Promise<string[]> {
    const rows = await tx.manager.query<{ national_id: string }[]>(
      'SELECT national_id FROM poa_principals WHERE poa_id = $1 UNION SELECT national_id FROM poa_agents WHERE poa_id = $1',
      [poaId],
    );
    return rows.map((r) => r.national_id);
  }
}
