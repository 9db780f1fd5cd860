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

/** A part of a filing, as a clerk who returns it names what to correct (the filer's form opens there). */
export enum FilingField {
  CATEGORY = 'CATEGORY',
  COURT = 'COURT',
  CLAIMANTS = 'CLAIMANTS',
  DEFENDANTS = 'DEFENDANTS',
  CLAIMS = 'CLAIMS',
  SUBJECT = 'SUBJECT',
  FACTS = 'FACTS',
  ATTACHMENTS = 'ATTACHMENTS',
}
registerEnumType(FilingField, { name: 'FilingField', description: 'A part of a filing a clerk names when returning it for correction.' });

/** What shows that a person represents an organization party. */
export enum RepresentationBasis {
  /** Its authorized signatory (as the commercial register or the organization's documents show). */
  AUTHORIZED_SIGNATORY = 'AUTHORIZED_SIGNATORY',
  /** A lawyer under the organization's power of attorney. */
  POWER_OF_ATTORNEY = 'POWER_OF_ATTORNEY',
}
registerEnumType(RepresentationBasis, { name: 'RepresentationBasis' });
