/**
 * The power-of-attorney document (صك الوكالة): its subject and instrument are the power of attorney
 * itself, read by its principals, its agents and the issuing office's notaries (the
 * PowerOfAttorney rules of the ability factory). Registered from this module so that the
 * documents module knows nothing of notarization.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { DocumentSubjects, InstrumentStatus, SubjectSnapshot } from '../../documents';
import { DocumentKind } from '../../documents';
import { UserLookups } from '../../identity';
import { effectiveState } from './poa-state-machine';
import { AgentState, PoaIssuance, PoaState } from './poa.enums';
import { PowerOfAttorney } from './power-of-attorney.entity';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';

const TYPE: Record<PoaIssuance, { ar: string; en: string }> = {
  [PoaIssuance.NOTARY]: { ar: 'وكالة صادرة من كتابة العدل', en: 'Notarized power of attorney' },
  [PoaIssuance.SELF]: { ar: 'وكالة إلكترونية', en: 'Electronic power of attorney' },
  [PoaIssuance.DELEGATION]: { ar: 'توكيل من الوكيل (إنابة)', en: 'Delegated power of attorney' },
};

export const POA_STATE_NAMES: Record<PoaState, { ar: string; en: string }> = {
  [PoaState.DRAFT]: { ar: 'بانتظار مصادقة الموكلين', en: 'Awaiting the principals’ confirmations' },
  [PoaState.ACTIVE]: { ar: 'الوكالة سارية', en: 'Power of attorney in force' },
  [PoaState.REVOKED]: { ar: 'الوكالة مفسوخة', en: 'Power of attorney revoked' },
  [PoaState.EXPIRED]: { ar: 'انتهت مدة الوكالة', en: 'Power of attorney expired' },
  [PoaState.LAPSED]: { ar: 'سقطت الوكالة لعدم اكتمال المصادقة', en: 'Power of attorney lapsed (not confirmed in time)' },
  [PoaState.WITHDRAWN]: { ar: 'انتهت الوكالة بتنحي الوكلاء', en: 'Power of attorney ended: every agent withdrew' },
};

@Injectable()
export class PoaDocumentSubject implements OnModuleInit {
  constructor(
    private readonly subjects: DocumentSubjects,
    private readonly reads: PowerOfAttorneyReads,
    private readonly people: UserLookups,
  ) {}

  onModuleInit(): void {
    this.subjects.register({
      kind: DocumentKind.POWER_OF_ATTORNEY,
      load: (tx, id) => this.load(tx, id),
      canRead: (ctx, id) => this.canRead(ctx, id),
      status: (ctx, d) => this.status(ctx, d.instrumentId),
    });
  }

  private async canRead(ctx: RequestContext, id: string): Promise<boolean> {
    const poa = await ctx.repo(PowerOfAttorney).findOneBy({ id });
    return !!poa && can(ctx, 'read', 'PowerOfAttorney', await this.reads.shape(ctx, poa));
  }

  /** The terms in force at this version: the agents still acting and the powers not taken back. */
  private async load(tx: RequestContext, id: string): Promise<SubjectSnapshot | null> {
    const poa = await tx.repo(PowerOfAttorney).findOneBy({ id });
    if (!poa) return null;
    const d = await this.reads.describeOf(tx, poa);
    const notary = poa.issuance === PoaIssuance.NOTARY && d.notaryOffice ? await this.people.userOf(tx, poa.issuedBy) : null;
    return {
      version: poa.version,
      instrument: { type: 'PowerOfAttorney', id: poa.id },
      data: {
        poaNumber: d.number,
        type: TYPE[poa.issuance],
        issuedAt: poa.activatedAt ?? poa.createdAt,
        validFrom: d.validFrom,
        validUntil: d.validTo,
        // Only a power of attorney issued before a notary names one; the others were issued on the platform.
        notary: notary ? { nameAr: notary.nameAr, nameEn: notary.nameEn } : null,
        office: d.notaryOffice ? { nameAr: d.notaryOffice.nameAr, nameEn: d.notaryOffice.nameEn } : null,
        principals: d.principals.map((p) => ({ nameAr: p.nameAr, nameEn: p.nameEn, identifier: p.nationalId })),
        agents: d.agents
          .filter((a) => a.state === AgentState.ACTIVE)
          .map((a) => ({ nameAr: a.nameAr, nameEn: a.nameEn, identifier: a.nationalId })),
        powers: d.powers.filter((p) => !p.revokedAt).map((p) => ({ ar: p.nameAr, en: p.nameEn })),
      },
    };
  }

  /** As of now (derived from the clock): an expired one reads expired before the sweep persists it. */
  private async status(ctx: RequestContext, id: string): Promise<InstrumentStatus> {
    const poa = await ctx.repo(PowerOfAttorney).findOneByOrFail({ id });
    const state = effectiveState(poa, ctx.now());
    return {
      active: state === PoaState.ACTIVE,
      stateAr: POA_STATE_NAMES[state].ar,
      stateEn: POA_STATE_NAMES[state].en,
      labelAr: 'رقم الوكالة',
      labelEn: 'Power of attorney No.',
      reference: poa.number,
    };
  }
}
