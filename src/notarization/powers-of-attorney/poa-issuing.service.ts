/**
 * Issuing a power of attorney: by a notary of an office (the principals present in person), or
 * self-issued by a principal with a fresh TOTP code (a draft when other principals must confirm,
 * or while its fee is unpaid).
 * Every new power of attorney, delegated and replicated ones too, is checked and written by
 * `create`: its rows, its audit event, its notices and, once in force, its document.
 */
import { AttachmentsService } from '../../evidence';
import { Inject, Injectable } from '@nestjs/common';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import { SecretBox } from '../../core/crypto/secret-box';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError } from '../../core/errors/domain-error';
import { DocumentKind, DocumentsService } from '../../documents';
import { AuthService, UserLookups } from '../../identity';
import { NotificationKind } from '../../notifications';
import { OrganizationLookups } from '../../organizations';
import { hashVerificationCode, newVerificationCode } from '../verification-codes';
import { PoaFees } from './poa-fees';
import { PoaNotices } from './poa-notices';
import { agentLicences, CONFIRMATION_WINDOW_MS, PoaTerms, termProblems } from './poa-terms';
import { snapshot } from './poa-transitions';
import { AgentState, PoaIssuance, PoaState } from './poa.enums';
import { IssuePowerOfAttorneyInput } from './poa.inputs';
import { IssuedPowerOfAttorney } from './poa.models';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { CURRENT_CATALOGUE_VERSION } from './powers';
import { NOTARIZATION } from '../notarization-messages';

@Injectable()
export class PowerOfAttorneyIssuing {
  private readonly box: SecretBox;

  constructor(
    @Inject(ADL_CONFIG) config: AdlConfig,
    private readonly tx: Transactions,
    private readonly auth: AuthService,
    private readonly notices: PoaNotices,
    private readonly documents: DocumentsService,
    private readonly people: UserLookups,
    private readonly organizations: OrganizationLookups,
    private readonly attachments: AttachmentsService,
    private readonly fees: PoaFees,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  async issue(ctx: RequestContext, input: IssuePowerOfAttorneyInput): Promise<IssuedPowerOfAttorney> {
    const issuance = input.notaryOfficeId ? PoaIssuance.NOTARY : PoaIssuance.SELF;
    authorize(ctx, 'create', 'PowerOfAttorney', { issuance, notaryOfficeId: input.notaryOfficeId ?? null });
    return this.tx.run(ctx, async (tx) => {
      const issued = await this.create(
        tx,
        {
          issuance,
          notaryOfficeId: input.notaryOfficeId ?? null,
          principals: input.principals,
          agents: input.agents,
          powers: input.powers,
          validFrom: input.validFrom ?? tx.now(),
          validTo: input.validTo,
          canDelegate: input.canDelegate,
        },
        { billed: true },
      );
      if (issuance === PoaIssuance.SELF) await this.auth.verifyStepUp(tx, input.otp, 'input.otp');
      await this.attachments.attach(
        tx,
        input.attachmentIds ?? [],
        { type: 'PowerOfAttorney', id: issued.powerOfAttorney.id, purpose: 'supporting' },
        'input.attachmentIds',
      );
      return issued;
    });
  }

  /**
   * Checks the terms, writes the power of attorney with its parts, audits and notifies. Inside the
   * caller's transaction. `billed`: an issuance that pays the schedule's fee (poa-fees.ts), a draft until paid.
   */
  async create(tx: RequestContext, t: PoaTerms, options: { billed?: boolean } = {}): Promise<IssuedPowerOfAttorney> {
    const now = tx.now();
    const actor = tx.actor!;
    const problems = termProblems(t, now, actor.nationalId);
    if (t.notaryOfficeId && !(await this.organizations.findNotaryOffice(tx, t.notaryOfficeId)))
      problems.push({ field: 'input.notaryOfficeId', message: NOTARIZATION.noSuchNotaryOffice() });
    // Persons with an account are linked; a lawyer's licence is checked when litigation powers go to them.
    const users = await this.people.byNationalIds(
      tx,
      [...t.principals, ...t.agents].map((p) => p.nationalId),
    );
    const userOf = (nid: string) => users.find((u) => u.nationalId === nid) ?? null;
    const licences = agentLicences(t, users, problems);
    if (problems.length) throw new BadUserInputError(problems);

    const code = newVerificationCode();
    const [{ seq }] = await tx.manager.query<{ seq: string }[]>(`SELECT nextval('power_of_attorney_number_seq')::text AS seq`);
    const number = `POA-${now.getUTCFullYear()}-${seq.padStart(8, '0')}`;
    // Confirmations: before a notary every principal is present; a delegation binds the principals
    // already; a self-issued one with several principals waits for the others. One with a fee
    // waits for it too: a draft until both are done.
    const awaitingOthers = t.issuance === PoaIssuance.SELF && t.principals.length > 1;
    const fee = options.billed ? this.fees.feeOf(tx, t.issuance) : 0;
    const draft = awaitingOthers || fee > 0;
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
            awaitingOthers && p.nationalId !== actor.nationalId
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
    // The principal who self-issues pays; before a notary, the first principal.
    if (fee > 0) await this.fees.bill(tx, poa, fee, t.issuance === PoaIssuance.SELF ? actor.nationalId : t.principals[0].nationalId);
    if (awaitingOthers) {
      const others = t.principals.filter((p) => p.nationalId !== actor.nationalId).map((p) => p.nationalId);
      await this.notices.send(tx, NotificationKind.POA_CONFIRMATION_REQUESTED, poa, others, 'draft', poa.confirmBy!.toISOString());
    } else if (t.parent) {
      await this.notices.send(tx, NotificationKind.POA_DELEGATED, poa, everyone, 'delegated', t.parent.poa.number);
    } else if (!draft) {
      await this.notices.send(tx, NotificationKind.POA_ISSUED, poa, everyone, 'issued');
    }
    // In force from now on (a draft gets its notice and document when it comes into force).
    if (!draft) await this.documents.issue(tx, DocumentKind.POWER_OF_ATTORNEY, poa.id);
    return { powerOfAttorney: poa, verificationCode: code };
  }
}
