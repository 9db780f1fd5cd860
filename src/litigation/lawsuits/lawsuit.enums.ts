import { registerEnumType } from '@nestjs/graphql';

export enum LawsuitCategory {
  CIVIL = 'CIVIL',
  COMMERCIAL = 'COMMERCIAL',
  LABOR = 'LABOR',
  PERSONAL_STATUS = 'PERSONAL_STATUS',
  CRIMINAL = 'CRIMINAL',
}
registerEnumType(LawsuitCategory, { name: 'LawsuitCategory' });

export enum PartySide {
  CLAIMANT = 'CLAIMANT',
  DEFENDANT = 'DEFENDANT',
}
registerEnumType(PartySide, { name: 'PartySide' });

export enum PartyKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(PartyKind, { name: 'PartyKind' });

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
