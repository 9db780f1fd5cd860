/**
 * The checks that class-validator cannot express alone: the terms member matches the type,
 * parties hold the roles of the type, lease dates are in order, shares of the partners sum to
 * exactly 100 %. Returns what is stored: the terms as JSON and the columns that searches use.
 */
import { BadUserInputError, FieldError } from '../../core/errors/domain-error';
import { toHalalas } from '../../core/validation/money';
import { ROLES_BY_TYPE, ROLE_NAMES, TYPE_NAMES } from './contract-rules';
import { ContractPartyKind, ContractType } from './contract.enums';
import type { ContractTermsInput } from './contract-terms.inputs';
import type { ContractContentInput } from './contract.inputs';
import { NOTARIZATION } from '../notarization-messages';

/** The member of ContractTermsInput for each type. */
export const TERMS_KEY: Record<ContractType, keyof ContractTermsInput> = {
  [ContractType.SALE]: 'sale',
  [ContractType.LEASE]: 'lease',
  [ContractType.COMPANY_FORMATION]: 'companyFormation',
  [ContractType.REAL_ESTATE_TRANSFER]: 'realEstateTransfer',
  [ContractType.GIFT]: 'gift',
  [ContractType.MORTGAGE]: 'mortgage',
};

export interface CheckedContent {
  terms: Record<string, unknown>;
  /** Searched and shown in lists: the main amount of the type (price, rent, capital, debt…). */
  amount: number | null;
  currency: string | null;
  deedNumber: string | null;
}

export function checkContent(type: ContractType, input: ContractContentInput): CheckedContent {
  const errors: FieldError[] = [];
  const key = TERMS_KEY[type];
  for (const other of Object.values(TERMS_KEY)) {
    if (other !== key && input.terms[other] !== undefined && input.terms[other] !== null) {
      errors.push({ field: `input.terms.${other}`, message: NOTARIZATION.termsNotForType({ type: TYPE_NAMES[type] }) });
    }
  }
  const terms = input.terms[key];
  if (!terms) errors.push({ field: `input.terms.${key}`, message: NOTARIZATION.termsRequired({ type: TYPE_NAMES[type] }) });

  // Parties: roles of the type, each person once, a signatory for each organization.
  const roles = ROLES_BY_TYPE[type];
  const seen = new Set<string>();
  input.parties.forEach((p, i) => {
    const at = `input.parties.${i}`;
    if (!(p.role in roles))
      errors.push({ field: `${at}.role`, message: NOTARIZATION.notARoleOfType({ role: p.role, type: TYPE_NAMES[type] }) });
    if (p.kind === ContractPartyKind.PERSON) {
      if (!p.nationalId) errors.push({ field: `${at}.nationalId`, message: NOTARIZATION.personNeedsNationalId() });
      if (p.organizationNumber || p.signatoryNationalId) {
        errors.push({ field: `${at}.kind`, message: NOTARIZATION.personHasNoOrganization() });
      }
    } else {
      if (!p.organizationNumber) errors.push({ field: `${at}.organizationNumber`, message: NOTARIZATION.requiredForOrganization() });
      if (!p.signatoryNationalId) errors.push({ field: `${at}.signatoryNationalId`, message: NOTARIZATION.requiredForOrganization() });
      if (p.nationalId) errors.push({ field: `${at}.nationalId`, message: NOTARIZATION.organizationByNumber() });
    }
    const who = p.nationalId ?? (p.organizationNumber ? `org:${p.organizationNumber}` : null);
    if (who) {
      if (seen.has(who)) errors.push({ field: at, message: NOTARIZATION.partyListedAlready() });
      seen.add(who);
    }
  });
  for (const [role, least] of Object.entries(roles)) {
    const count = input.parties.filter((p) => p.role === role).length;
    if (count < least) {
      errors.push({
        field: 'input.parties',
        message: NOTARIZATION.needsAtLeast({ type: TYPE_NAMES[type], least, role: ROLE_NAMES[role as keyof typeof ROLE_NAMES] }),
      });
    }
  }

  let amount: number | null = null;
  let currency: string | null = null;
  let deedNumber: string | null = null;
  if (terms) {
    const t = input.terms;
    switch (type) {
      case ContractType.SALE:
        amount = t.sale!.price;
        currency = t.sale!.currency;
        deedNumber = t.sale!.deedNumber ?? null;
        break;
      case ContractType.LEASE: {
        const l = t.lease!;
        if (l.endDate <= l.startDate) errors.push({ field: 'input.terms.lease.endDate', message: NOTARIZATION.afterStartDate() });
        if (Number.isNaN(Date.parse(l.startDate)))
          errors.push({ field: 'input.terms.lease.startDate', message: NOTARIZATION.notACalendarDate() });
        if (Number.isNaN(Date.parse(l.endDate)))
          errors.push({ field: 'input.terms.lease.endDate', message: NOTARIZATION.notACalendarDate() });
        amount = l.rent;
        currency = l.currency;
        deedNumber = l.deedNumber ?? null;
        break;
      }
      case ContractType.COMPANY_FORMATION: {
        const c = t.companyFormation!;
        const partners = new Set(input.parties.filter((p) => p.role === 'PARTNER').map((p) => p.nationalId ?? p.signatoryNationalId));
        const holders = new Set<string>();
        c.shares.forEach((s, i) => {
          if (!partners.has(s.nationalId)) {
            errors.push({ field: `input.terms.companyFormation.shares.${i}.nationalId`, message: NOTARIZATION.notAPartner() });
          }
          if (holders.has(s.nationalId)) {
            errors.push({ field: `input.terms.companyFormation.shares.${i}.nationalId`, message: NOTARIZATION.shareListed() });
          }
          holders.add(s.nationalId);
        });
        for (const partner of partners) {
          if (partner && !holders.has(partner)) {
            errors.push({ field: 'input.terms.companyFormation.shares', message: NOTARIZATION.everyPartnerShare() });
            break;
          }
        }
        // In hundredths of a percent, so that 33.33 + 33.33 + 33.34 is exactly 100.
        const total = c.shares.reduce((sum, s) => sum + toHalalas(s.percent), 0);
        if (total !== 10_000) {
          errors.push({ field: 'input.terms.companyFormation.shares', message: NOTARIZATION.sharesSum({ total: total / 100 }) });
        }
        amount = c.capital;
        currency = c.currency;
        break;
      }
      case ContractType.REAL_ESTATE_TRANSFER:
        amount = t.realEstateTransfer!.price;
        currency = t.realEstateTransfer!.currency;
        deedNumber = t.realEstateTransfer!.deedNumber;
        break;
      case ContractType.GIFT:
        amount = t.gift!.estimatedValue ?? null;
        currency = amount === null ? null : t.gift!.currency;
        deedNumber = t.gift!.deedNumber ?? null;
        break;
      case ContractType.MORTGAGE:
        if (Number.isNaN(Date.parse(t.mortgage!.maturityDate))) {
          errors.push({ field: 'input.terms.mortgage.maturityDate', message: NOTARIZATION.notACalendarDate() });
        }
        amount = t.mortgage!.debtAmount;
        currency = t.mortgage!.currency;
        deedNumber = t.mortgage!.deedNumber;
        break;
      default: {
        const unknown: never = type;
        throw new Error(`unknown contract type ${String(unknown)}`);
      }
    }
  }
  if (errors.length) throw new BadUserInputError(errors);
  // Plain JSON of the one member (class instances would carry no more than their fields).
  return { terms: JSON.parse(JSON.stringify(terms)) as Record<string, unknown>, amount, currency, deedNumber };
}
