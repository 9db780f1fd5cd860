/**
 * The notarial steps: a power of attorney issued by a notary of the office (principals present in
 * person), or self-issued by its principal after a fresh one-time code, its fee paid, then revoked; a contract
 * of sale drafted by its seller (or the office's notary), put to signature, signed by every party
 * with a fresh code, its notary fee paid, notarized; and a document of whatever instrument the scenario reached.
 */
import { DocumentKind, DocumentLanguage } from '../../src/documents/document.enums';
import { DocumentsService } from '../../src/documents/documents.service';
import { Role } from '../../src/access/role.enum';
import { ContractPartyKind, ContractPartyRole, ContractType } from '../../src/notarization/contracts/contract.enums';
import type { DraftContractInput } from '../../src/notarization/contracts/contract.inputs';
import { ContractDrafting } from '../../src/notarization/contracts/contract-drafting.service';
import { ContractNotarization } from '../../src/notarization/contracts/contract-notarization.service';
import { ContractSignatures } from '../../src/notarization/contracts/contract-signatures.service';
import { PowerOfAttorneyIssuing } from '../../src/notarization/powers-of-attorney/poa-issuing.service';
import { PowerOfAttorneyRevocation } from '../../src/notarization/powers-of-attorney/poa-revocation.service';
import { PowerCode } from '../../src/notarization/powers-of-attorney/powers';
import { NotaryOffice } from '../../src/organizations/office.entities';
import { lawsuitDocument } from './case-acts';
import { payOpenBills } from './fees';
import { citizen, Person, PersonSpec, seated } from './people';
import type { Scenario } from './scenario';
import type { StepTable, NotarizationStep } from './steps';

export interface PoaOptions {
  powers?: (PowerCode | `${PowerCode}`)[];
  /** Default: 180 days from the clock's now. */
  validTo?: Date;
  validFrom?: Date;
  canDelegate?: boolean;
  /** The issuing office's code (default RYD-NO1, the seeded one). */
  office?: string;
  /** Uploads of the issuer (the notary, or the principal who self-issues) that the power of attorney attaches. */
  attachmentIds?: string[];
  /** The agent's lawyer licence, when the agent is a lawyer. */
  lawyerLicense?: string;
  /** Further principals beside the scenario's (each confirms a self-issued one: a draft until then). */
  coPrincipals?: Named[];
  /** Further agents beside the scenario's. */
  coAgents?: Named[];
  /** Leave the fee of issuing it unpaid: a draft until paid (it is paid by default, by the principal). */
  feeUnpaid?: boolean;
}

/** Who a power of attorney names: a person of a scenario, or anyone by national ID and names. */
export type Named = Pick<Person, 'nationalId' | 'nameAr' | 'nameEn'>;

export interface RevokeOptions {
  reason?: string;
  agentNationalIds?: string[];
  powers?: (PowerCode | `${PowerCode}`)[];
  /** Who revokes: the principal (default) or the issuing office's notary. */
  by?: 'principal' | 'notary';
}

export interface ContractOptions {
  /** The seller drafts (default), or the office's notary. */
  draftedBy?: 'seller' | 'notary';
  office?: string;
  price?: number;
  freeText?: string;
  /** The buyer signs for an organization, which buys (named by its number), instead of buying in person. */
  buyerFor?: { organizationNumber: string; nameAr: string; nameEn: string };
  /** Uploads of the drafter that the draft attaches. */
  attachmentIds?: string[];
}

export interface SignedOptions {
  /** Only this party signs (default: every party, the seller first). */
  only?: 'seller' | 'buyer';
}

export interface DocumentOptions {
  kind?: DocumentKind | `${DocumentKind}`;
  subjectId?: string;
  language?: DocumentLanguage | `${DocumentLanguage}`;
  /** Who asks (default: the claimant, principal or seller of the instrument). */
  by?: Person;
}

const DEFAULT_OFFICE = 'RYD-NO1';

async function office(s: Scenario, code = DEFAULT_OFFICE): Promise<string> {
  return s.host.once(`office:${code}`, async () => (await s.host.system().repo(NotaryOffice).findOneByOrFail({ code })).id);
}

export const notaryOf = (s: Scenario, officeId: string) =>
  seated(s.host, { role: Role.NOTARY, notaryOfficeId: officeId }, 'Scenario Notary');

const person = (p: Named) => ({ nationalId: p.nationalId, nameAr: p.nameAr, nameEn: p.nameEn });

function poaTerms(s: Scenario) {
  const o: PoaOptions = s.poaOptions;
  return {
    principals: [person(s.actors.principal), ...(o.coPrincipals ?? []).map(person)],
    agents: [{ ...person(s.actors.agent), lawyerLicense: o.lawyerLicense }, ...(o.coAgents ?? []).map(person)],
    powers: (o.powers ?? [PowerCode.LIT_FILE, PowerCode.LIT_ATTEND, PowerCode.RE_SELL]) as PowerCode[],
    validFrom: o.validFrom,
    validTo: o.validTo ?? new Date(s.host.now().getTime() + 180 * 86_400_000),
    canDelegate: o.canDelegate ?? false,
    attachmentIds: o.attachmentIds,
  };
}

const issuing = (s: Scenario) => s.host.get(PowerOfAttorneyIssuing);
const revocation = (s: Scenario) => s.host.get(PowerOfAttorneyRevocation);
const drafting = (s: Scenario) => s.host.get(ContractDrafting);
const signatures = (s: Scenario) => s.host.get(ContractSignatures);
const notarization = (s: Scenario) => s.host.get(ContractNotarization);

/** The fee of issuing it, paid by its (first) principal at the gateway, unless the options leave it unpaid. */
async function payPoaFee(s: Scenario): Promise<void> {
  if (!s.poaOptions.feeUnpaid) await payOpenBills(s.host, await s.actors.principal.ctx(), 'PowerOfAttorney', s.poaId);
}

export const NOTARIZATION_STEPS: StepTable<NotarizationStep> = {
  principal: {
    run: async (s, spec?: PersonSpec | Person) => {
      s.actors.principal = spec instanceof Person ? spec : await citizen(s.host, spec, { nameAr: 'الموكل', nameEn: 'Principal Person' });
    },
  },
  agent: {
    run: async (s, spec?: PersonSpec | Person) => {
      s.actors.agent = spec instanceof Person ? spec : await citizen(s.host, spec, { nameAr: 'الوكيل', nameEn: 'Agent Person' });
    },
  },
  poa: {
    run: async (s, options: PoaOptions = {}) => {
      s.poaOptions = options;
      await Promise.all([s.reach('principal'), s.reach('agent')]);
    },
  },
  poaIssuedByNotary: {
    after: () => ['poa'],
    run: async (s) => {
      const officeId = await office(s, s.poaOptions.office);
      const notary = await notaryOf(s, officeId);
      const issued = await issuing(s).issue(await notary.ctx(), { ...poaTerms(s), notaryOfficeId: officeId });
      s.usePoa(issued);
      await payPoaFee(s);
    },
  },
  poaSelfIssued: {
    after: () => ['poa'],
    run: async (s) => {
      await s.actors.principal.enrolTwoFactor();
      const otp = await s.actors.principal.otp();
      s.usePoa(await issuing(s).issue(await s.actors.principal.ctx(), { ...poaTerms(s), otp }));
      await payPoaFee(s);
    },
  },
  poaRevoked: {
    after: (s) => [s.reached('poaSelfIssued') ? 'poaSelfIssued' : 'poaIssuedByNotary'],
    run: async (s, options: RevokeOptions = {}) => {
      const by = options.by === 'notary' ? await notaryOf(s, await office(s, s.poaOptions.office)) : s.actors.principal;
      await revocation(s).revoke(await by.ctx(), {
        id: s.poaId,
        reason: options.reason ?? 'انتهت الحاجة إلى الوكالة — the agency is no longer needed',
        agentNationalIds: options.agentNationalIds,
        powers: options.powers as PowerCode[] | undefined,
      });
    },
  },
  poaWithdrawn: {
    after: (s) => [s.reached('poaSelfIssued') ? 'poaSelfIssued' : 'poaIssuedByNotary'],
    run: async (s, reason: string = 'أعتذر عن الوكالة — I step down') =>
      void (await revocation(s).withdraw(await s.actors.agent.ctx(), { id: s.poaId, reason })),
  },
  seller: {
    run: async (s, spec?: PersonSpec | Person) => {
      s.actors.seller =
        spec instanceof Person ? spec : await citizen(s.host, { twoFactor: true, ...spec }, { nameAr: 'البائع', nameEn: 'Seller Person' });
    },
  },
  buyer: {
    run: async (s, spec?: PersonSpec | Person) => {
      s.actors.buyer =
        spec instanceof Person ? spec : await citizen(s.host, { twoFactor: true, ...spec }, { nameAr: 'المشتري', nameEn: 'Buyer Person' });
    },
  },
  contract: {
    run: async (s, options: ContractOptions = {}) => {
      s.contractOptions = options;
      await Promise.all([s.reach('seller'), s.reach('buyer')]);
    },
  },
  contractDrafted: {
    after: () => ['contract'],
    run: async (s) => {
      const o: ContractOptions = s.contractOptions;
      const notaryOfficeId = await office(s, o.office);
      const input: DraftContractInput = { type: ContractType.SALE, notaryOfficeId, ...saleContent(s, o), attachmentIds: o.attachmentIds };
      s.actors.drafter = o.draftedBy === 'notary' ? await notaryOf(s, notaryOfficeId) : s.actors.seller;
      s.useContract(await drafting(s).draft(await s.actors.drafter.ctx(), input));
    },
  },
  awaitingSignatures: {
    after: () => ['contractDrafted'],
    run: async (s) => s.useContract(await drafting(s).submit(await s.actors.drafter.ctx(), s.contractId)),
  },
  contractSigned: {
    after: () => ['awaitingSignatures'],
    run: async (s, options: SignedOptions = {}) => {
      for (const signer of options.only ? [s.actors[options.only]] : [s.actors.seller, s.actors.buyer]) {
        const otp = await signer.otp();
        s.useContract(await signatures(s).sign(await signer.ctx(), { id: s.contractId, otp }));
      }
    },
  },
  notaryFeePaid: {
    after: () => ['awaitingSignatures'],
    // The seller pays: the drafter, or when the notary drafted, the first party.
    run: async (s) => void (await payOpenBills(s.host, await s.actors.seller.ctx(), 'Contract', s.contractId)),
  },
  contractNotarized: {
    after: () => ['contractSigned', 'notaryFeePaid'],
    run: async (s) => {
      const notary = await notaryOf(s, await office(s, s.contractOptions.office));
      s.useContract(await notarization(s).notarize(await notary.ctx(), s.contractId));
    },
  },
  documentRequested: {
    run: async (s, options: DocumentOptions = {}) => {
      const subject =
        options.kind && options.subjectId ? { kind: options.kind as DocumentKind, subjectId: options.subjectId } : instrument(s);
      if (!subject) throw new Error('documentRequested: the scenario has reached no instrument with a document yet');
      const by =
        options.by ??
        (subject.kind === DocumentKind.NOTARIZED_CONTRACT
          ? s.actors.seller
          : subject.kind === DocumentKind.POWER_OF_ATTORNEY
            ? s.actors.principal
            : s.actors.claimant);
      const document = await s.host.get(DocumentsService).request(await by.ctx(), {
        ...subject,
        language: (options.language ?? DocumentLanguage.AR) as DocumentLanguage,
      });
      s.documentIds.push(document.id);
    },
  },
};

/** The parties, terms and free text of the scenario's sale (for a draft, or an amendment of it). */
export function saleContent(s: Scenario, o: ContractOptions = s.contractOptions): Omit<DraftContractInput, 'type' | 'notaryOfficeId'> {
  return {
    parties: [
      { role: ContractPartyRole.SELLER, kind: ContractPartyKind.PERSON, ...person(s.actors.seller) },
      o.buyerFor
        ? {
            role: ContractPartyRole.BUYER,
            kind: ContractPartyKind.ORGANIZATION,
            ...o.buyerFor,
            signatoryNationalId: s.actors.buyer.nationalId,
          }
        : { role: ContractPartyRole.BUYER, kind: ContractPartyKind.PERSON, ...person(s.actors.buyer) },
    ],
    terms: {
      sale: {
        subject: 'أرض سكنية في حي النرجس — residential plot in Al-Narjis',
        price: o.price ?? 1250000.5,
        currency: 'SAR',
        deedNumber: '310118042233',
      },
    },
    freeText: o.freeText ?? 'يلتزم البائع بتسليم الأرض خالية من الشواغل — the seller delivers the land free of any occupancy.',
  };
}

/** The instrument the scenario reached last, and its kind of document. */
function instrument(s: Scenario): { kind: DocumentKind; subjectId: string } | null {
  if (s.reached('contractNotarized')) return { kind: DocumentKind.NOTARIZED_CONTRACT, subjectId: s.contractId };
  if (s.poaId) return { kind: DocumentKind.POWER_OF_ATTORNEY, subjectId: s.poaId };
  return lawsuitDocument(s);
}
