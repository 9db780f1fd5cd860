import { registerEnumType } from '@nestjs/graphql';

export enum ContractType {
  SALE = 'SALE',
  LEASE = 'LEASE',
  COMPANY_FORMATION = 'COMPANY_FORMATION',
  /** إفراغ: transfer of a real-estate title deed. */
  REAL_ESTATE_TRANSFER = 'REAL_ESTATE_TRANSFER',
  GIFT = 'GIFT',
  MORTGAGE = 'MORTGAGE',
}
registerEnumType(ContractType, { name: 'ContractType' });

export enum ContractPartyRole {
  SELLER = 'SELLER',
  BUYER = 'BUYER',
  LESSOR = 'LESSOR',
  LESSEE = 'LESSEE',
  PARTNER = 'PARTNER',
  TRANSFEROR = 'TRANSFEROR',
  TRANSFEREE = 'TRANSFEREE',
  DONOR = 'DONOR',
  DONEE = 'DONEE',
  MORTGAGOR = 'MORTGAGOR',
  MORTGAGEE = 'MORTGAGEE',
}
registerEnumType(ContractPartyRole, { name: 'ContractPartyRole' });

export enum ContractPartyKind {
  PERSON = 'PERSON',
  /** Signs through the person named as its signatory. */
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(ContractPartyKind, { name: 'ContractPartyKind' });

export enum LeasePaymentPeriod {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  SEMI_ANNUAL = 'SEMI_ANNUAL',
  ANNUAL = 'ANNUAL',
}
registerEnumType(LeasePaymentPeriod, { name: 'LeasePaymentPeriod' });

export enum CompanyLegalForm {
  LIMITED_LIABILITY = 'LIMITED_LIABILITY',
  GENERAL_PARTNERSHIP = 'GENERAL_PARTNERSHIP',
  LIMITED_PARTNERSHIP = 'LIMITED_PARTNERSHIP',
  SIMPLIFIED_JOINT_STOCK = 'SIMPLIFIED_JOINT_STOCK',
}
registerEnumType(CompanyLegalForm, { name: 'CompanyLegalForm' });

/** What a signature is for: the contract itself, or agreeing to cancel it (إقالة). */
export enum SignaturePurpose {
  SIGN = 'SIGN',
  CANCEL = 'CANCEL',
}
registerEnumType(SignaturePurpose, { name: 'SignaturePurpose' });
