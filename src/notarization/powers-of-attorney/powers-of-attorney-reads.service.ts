/**
 * Reads of powers of attorney: one (for its principals, agents and issuing office), the caller's
 * own, the public verification by number and code, the catalogue, the parts (batched for
 * DataLoaders) and the description a document template needs. States are as of now (derived).
 */
import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { can } from '../../access/authorize';
import { applyAbility } from '../../access/sql-filter';
import { PowerOfAttorneySubject } from '../notarization.subjects';
import type { AccessShapes } from '../../access/ability.types';
import { ADL_CONFIG, AdlConfig } from '../../core/config/config';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError } from '../../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../../core/graphql/pagination';
import { maskNationalId } from '../../core/validation/national-id';
import { SecretBox } from '../../core/crypto/secret-box';
import { OrganizationLookups } from '../../organizations';
import { effectiveState } from './poa-state-machine';
import { PoaRelation, PoaState } from './poa.enums';
import { PowerOfAttorneyDescription, PowerOfAttorneyVerification } from './poa.models';
import { PowerCatalogueEntry } from './power-catalogue.entity';
import { PoaAgent, PoaPower, PoaPrincipal, PowerOfAttorney } from './power-of-attorney.entity';
import { CURRENT_CATALOGUE_VERSION } from './powers';
import { hashVerificationCode, maskName } from '../verification-codes';
import { NOTARIZATION } from '../notarization-messages';

type PoaShape = AccessShapes['PowerOfAttorney'];

/** A power of attorney `p` naming the person :nid as a principal, or as an agent. */
const NAMES_PRINCIPAL = 'EXISTS (SELECT 1 FROM poa_principals np WHERE np.poa_id = p.id AND np.national_id = :nid)';
const NAMES_AGENT = 'EXISTS (SELECT 1 FROM poa_agents na WHERE na.poa_id = p.id AND na.national_id = :nid)';

@Injectable()
export class PowerOfAttorneyReads {
  private readonly box: SecretBox;

  constructor(
    @Inject(ADL_CONFIG) config: AdlConfig,
    private readonly organizations: OrganizationLookups,
  ) {
    this.box = new SecretBox(config.secretsKey);
  }

  /** For its principals, agents and the issuing office's notaries; NOT_FOUND for anyone else. */
  async get(ctx: RequestContext, id: string): Promise<PowerOfAttorney> {
    const poa = await ctx.repo(PowerOfAttorney).findOneBy({ id });
    if (!poa || !can(ctx, 'read', 'PowerOfAttorney', await this.shape(ctx, poa))) throw new NotFoundError(NOTARIZATION.poaNotFound());
    return poa;
  }

  /** The caller's powers of attorney as principal and/or agent, newest first (keyset on created_at, id). */
  async mine(ctx: RequestContext, as: PoaRelation | undefined, first: number, after?: string): Promise<ConnectionShape<PowerOfAttorney>> {
    const nid = ctx.actor!.nationalId;
    const qb = ctx.repo(PowerOfAttorney).createQueryBuilder('p');
    qb.where(
      as === PoaRelation.PRINCIPAL ? NAMES_PRINCIPAL : as === PoaRelation.AGENT ? NAMES_AGENT : `(${NAMES_PRINCIPAL} OR ${NAMES_AGENT})`,
      { nid },
    );
    return newestFirst(qb, 'p', first, after);
  }

  /**
   * The register of a notary office: the powers of attorney it issued, newest first, as far as the
   * caller may read them (its notaries: all; anyone else: those naming them), filtered in SQL by the
   * same rules; optionally only those naming one person as principal or agent.
   */
  async ofOffice(
    ctx: RequestContext,
    notaryOfficeId: string,
    filter: { nationalId?: string },
    first: number,
    after?: string,
  ): Promise<ConnectionShape<PowerOfAttorney>> {
    const qb = ctx.repo(PowerOfAttorney).createQueryBuilder('p');
    applyAbility(qb, ctx.ability, 'read', 'PowerOfAttorney', 'p');
    qb.andWhere('p.notary_office_id = :office', { office: notaryOfficeId });
    if (filter.nationalId) {
      qb.andWhere(`(${NAMES_PRINCIPAL} OR ${NAMES_AGENT})`, { nid: filter.nationalId });
    }
    return newestFirst(qb, 'p', first, after);
  }

  /**
   * Public verification by number and code: status, masked names and IDs, powers, validity. A wrong
   * code and an unknown number answer the same NOT_FOUND, after the same hash comparison.
   */
  async verify(ctx: RequestContext, number: string, code: string): Promise<PowerOfAttorneyVerification> {
    const poa = await ctx.repo(PowerOfAttorney).findOneBy({ number: number.trim().toUpperCase() });
    const given = hashVerificationCode(code);
    const stored = poa?.verificationHash ?? hashVerificationCode(`absent:${number}`);
    const match = timingSafeEqual(given, stored) && !!poa;
    if (!match) throw new NotFoundError(NOTARIZATION.poaNumberCodeNotFound());
    const [principals, agents, powers] = [
      await this.principalsOf(ctx, [poa.id]),
      await this.agentsOf(ctx, [poa.id]),
      await this.powersOf(ctx, [poa.id]),
    ];
    const state = effectiveState(poa, ctx.now());
    const mask = (p: { nameAr: string; nameEn: string; nationalId: string }) => ({
      nameAr: maskName(p.nameAr),
      nameEn: maskName(p.nameEn),
      nationalId: maskNationalId(p.nationalId),
    });
    return {
      number: poa.number,
      state,
      issuance: poa.issuance,
      validFrom: poa.validFrom,
      validTo: poa.validTo,
      canDelegate: poa.canDelegate,
      principals: principals.map(mask),
      agents: agents.map((a) => ({ ...mask(a), state: a.state })),
      powers: powers.map((p) => ({
        code: p.code,
        domain: p.domain,
        nameAr: p.nameAr,
        nameEn: p.nameEn,
        inForce: state === PoaState.ACTIVE && !p.revokedAt,
      })),
    };
  }

  /** The catalogue of powers in one version (default: the current one), in its order. */
  catalogue(ctx: RequestContext, version = CURRENT_CATALOGUE_VERSION): Promise<PowerCatalogueEntry[]> {
    return ctx.repo(PowerCatalogueEntry).find({ where: { version }, order: { position: 'ASC' } });
  }

  /** Everything about one power of attorney a document needs, for whoever may read it. */
  async describe(ctx: RequestContext, id: string): Promise<PowerOfAttorneyDescription> {
    return this.describeOf(ctx, await this.get(ctx, id));
  }

  /**
   * The same for a row already in hand, without the read check: for the document subject, which
   * loads inside an event's own transaction (the event was authorized) and checks reads apart.
   */
  async describeOf(ctx: RequestContext, poa: PowerOfAttorney): Promise<PowerOfAttorneyDescription> {
    const office = poa.notaryOfficeId ? await this.organizations.findNotaryOffice(ctx, poa.notaryOfficeId) : null;
    return {
      powerOfAttorney: poa,
      number: poa.number,
      state: effectiveState(poa, ctx.now()),
      verificationCode: this.box.open(poa.verificationSealed),
      validFrom: poa.validFrom,
      validTo: poa.validTo,
      canDelegate: poa.canDelegate,
      notaryOffice: office ? { id: office.id, code: office.code, nameAr: office.nameAr, nameEn: office.nameEn } : null,
      principals: await this.principalsOf(ctx, [poa.id]),
      agents: await this.agentsOf(ctx, [poa.id]),
      powers: await this.powersOf(ctx, [poa.id]),
    };
  }

  /** The verification code, for the principals and the issuing office (who may revoke); null for others. */
  async verificationCodeFor(ctx: RequestContext, poa: PowerOfAttorney): Promise<string | null> {
    return can(ctx, 'revoke', 'PowerOfAttorney', await this.shape(ctx, poa)) ? this.box.open(poa.verificationSealed) : null;
  }

  principalsOf(ctx: RequestContext, poaIds: readonly string[]): Promise<PoaPrincipal[]> {
    return ctx.repo(PoaPrincipal).find({ where: { poaId: In([...poaIds]) }, order: { position: 'ASC' } });
  }

  agentsOf(ctx: RequestContext, poaIds: readonly string[]): Promise<PoaAgent[]> {
    return ctx.repo(PoaAgent).find({ where: { poaId: In([...poaIds]) }, order: { position: 'ASC' } });
  }

  /** Granted powers with the wording of their catalogue version (two queries, whatever the number of ids). */
  async powersOf(ctx: RequestContext, poaIds: readonly string[]): Promise<PoaPower[]> {
    const powers = await ctx.repo(PoaPower).find({ where: { poaId: In([...poaIds]) }, order: { position: 'ASC' } });
    if (!powers.length) return [];
    const entries = await ctx.repo(PowerCatalogueEntry).findBy({ version: In([...new Set(powers.map((p) => p.catalogueVersion))]) });
    const byKey = new Map(entries.map((e) => [`${e.version}:${e.code}`, e]));
    return powers.map((p) => {
      const entry = byKey.get(`${p.catalogueVersion}:${p.code}`)!;
      return Object.assign(p, { domain: entry.domain, nameAr: entry.nameAr, nameEn: entry.nameEn });
    });
  }

  /** The state as of now (expired or lapsed before the sweep persisted it). */
  stateOf(ctx: RequestContext, poa: PowerOfAttorney): PoaState {
    return effectiveState(poa, ctx.now());
  }

  /** What the rules look at. */
  shape(ctx: RequestContext, poa: PowerOfAttorney): Promise<PoaShape> {
    return PowerOfAttorneySubject.shape(ctx, poa);
  }
}
