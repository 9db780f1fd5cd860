/**
 * Reads of contracts: one (for its signers, its drafter and the notaries of its office), the
 * caller's list filtered in SQL by the same rules, the parts (batched for DataLoaders), the public
 * verification by number and code, and everything a contract document needs.
 */
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { applyAbility } from '../../access/sql-filter';
import { ADL_CONFIG, type AdlConfig } from '../../core/config/config';
import { NotFoundError } from '../../core/errors/domain-error';
import { ConnectionShape, newestFirst } from '../../core/graphql/pagination';
import { UserLookups } from '../../identity';
import { type NotaryOffice, OrganizationLookups } from '../../organizations';
import { ContractParty } from './contract-party.entity';
import { ROLE_NAMES, TYPE_NAMES } from './contract-rules';
import { ContractSignature } from './contract-signature.entity';
import { ContractState } from './contract-state-machine';
import { contractShape } from './contract-transitions';
import { maskName, verificationCode, verificationHash } from './contract-verification';
import { Contract } from './contract.entity';
import { ContractPartyRole, ContractType, SignaturePurpose } from './contract.enums';
import { NOTARIZATION } from '../notarization-messages';

/** What the public learns from a number and its verification code. */
export interface ContractVerificationView {
  valid: boolean;
  number: string | null;
  type: ContractType | null;
  state: ContractState | null;
  notaryOfficeNameAr: string | null;
  notaryOfficeNameEn: string | null;
  notarizedAt: Date | null;
  cancelledAt: Date | null;
  voidedAt: Date | null;
  parties: { role: ContractPartyRole; nameAr: string; nameEn: string }[];
}

/** Everything a contract document template needs, in one object. */
export interface ContractDocumentData {
  contract: Contract;
  typeName: { ar: string; en: string };
  office: NotaryOffice;
  parties: (ContractParty & { roleName: { ar: string; en: string }; signedAt: Date | null; signedByAgent: boolean })[];
  signatures: ContractSignature[];
  notarizedByName: { ar: string; en: string } | null;
  verificationCode: string | null;
  verificationUrl: string | null;
}

@Injectable()
export class ContractReads {
  constructor(
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  /** One contract, if the caller may read it; otherwise NOT_FOUND (existence is not revealed). */
  async get(ctx: RequestContext, id: string): Promise<Contract> {
    const contract = await ctx.repo(Contract).findOneBy({ id });
    if (!contract || !can(ctx, 'read', 'Contract', await contractShape(ctx, contract)))
      throw new NotFoundError(NOTARIZATION.contractNotFound());
    return contract;
  }

  /** The contracts the caller may read (as a party, a drafter, a notary of the office), newest first. */
  async list(
    ctx: RequestContext,
    filter: { states?: ContractState[]; type?: ContractType },
    first: number,
    after?: string,
  ): Promise<ConnectionShape<Contract>> {
    const qb = ctx.repo(Contract).createQueryBuilder('c');
    applyAbility(qb, ctx.ability, 'read', 'Contract', 'c');
    if (filter.states?.length) qb.andWhere('c.state IN (:...states)', { states: filter.states });
    if (filter.type) qb.andWhere('c.type = :type', { type: filter.type });
    return newestFirst(qb, 'c', first, after);
  }

  /** Public: a number and its verification code show the status, the office and masked names; anything else shows nothing. */
  async verify(ctx: RequestContext, number: string, code: string): Promise<ContractVerificationView> {
    const contract = await ctx.repo(Contract).findOneBy({ number: number.trim(), verificationHash: verificationHash(code) });
    if (!contract) {
      return {
        valid: false,
        number: null,
        type: null,
        state: null,
        notaryOfficeNameAr: null,
        notaryOfficeNameEn: null,
        notarizedAt: null,
        cancelledAt: null,
        voidedAt: null,
        parties: [],
      };
    }
    const office = await this.organizations.notaryOfficeOf(ctx, contract.notaryOfficeId);
    const parties = await ctx.repo(ContractParty).find({ where: { contractId: contract.id }, order: { position: 'ASC' } });
    return {
      valid: contract.state === ContractState.NOTARIZED,
      number: contract.number,
      type: contract.type,
      state: contract.state,
      notaryOfficeNameAr: office.nameAr,
      notaryOfficeNameEn: office.nameEn,
      notarizedAt: contract.notarizedAt,
      cancelledAt: contract.cancelledAt,
      voidedAt: contract.voidedAt,
      parties: parties.map((p) => ({ role: p.role, nameAr: maskName(p.nameAr), nameEn: maskName(p.nameEn) })),
    };
  }

  /** The verification code of a notarized (or later cancelled or voided) contract the caller reads. */
  codeOf(contract: Contract): string | null {
    return contract.verificationHash ? verificationCode(this.config.secretsKey, contract.id) : null;
  }

  /** Everything a contract document needs (for the document module's templates); the caller must be able to read it. */
  async documentData(ctx: RequestContext, id: string): Promise<ContractDocumentData> {
    return this.documentDataOf(ctx, await this.get(ctx, id));
  }

  /** The same for a row in hand, without the read check (the document subject checks reads apart). */
  async documentDataOf(ctx: RequestContext, contract: Contract): Promise<ContractDocumentData> {
    const id = contract.id;
    const office = await this.organizations.notaryOfficeOf(ctx, contract.notaryOfficeId);
    const parties = await ctx.repo(ContractParty).find({ where: { contractId: id }, order: { position: 'ASC' } });
    const signatures = await ctx.repo(ContractSignature).find({ where: { contractId: id }, order: { signedAt: 'ASC' } });
    const notarizedBy = contract.notarizedBy ? await this.people.findUser(ctx, contract.notarizedBy) : null;
    const notary = notarizedBy ? { name_ar: notarizedBy.nameAr, name_en: notarizedBy.nameEn } : undefined;
    const code = this.codeOf(contract);
    return {
      contract,
      typeName: TYPE_NAMES[contract.type],
      office,
      parties: parties.map((p) => {
        const signature = signatures.find((s) => s.partyId === p.id && s.purpose === SignaturePurpose.SIGN && !s.invalidatedAt);
        return Object.assign(p, {
          roleName: ROLE_NAMES[p.role],
          signedAt: signature?.signedAt ?? null,
          signedByAgent: signature ? signature.powerOfAttorneyId !== null : false,
        });
      }),
      signatures,
      notarizedByName: notary ? { ar: notary.name_ar, en: notary.name_en } : null,
      verificationCode: code,
      verificationUrl: code ? `${this.config.publicBaseUrl}/verify/${code}` : null,
    };
  }

  /** Offices are public (organization data). */
  officesByIds(ctx: RequestContext, ids: readonly string[]): Promise<NotaryOffice[]> {
    return this.organizations.notaryOfficesByIds(ctx, ids);
  }

  partiesOf(ctx: RequestContext, contractIds: readonly string[]): Promise<ContractParty[]> {
    return ctx.repo(ContractParty).find({ where: { contractId: In([...contractIds]) }, order: { position: 'ASC' } });
  }

  signaturesOf(ctx: RequestContext, contractIds: readonly string[]): Promise<ContractSignature[]> {
    return ctx.repo(ContractSignature).find({ where: { contractId: In([...contractIds]) }, order: { signedAt: 'ASC' } });
  }
}
