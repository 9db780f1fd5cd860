import { registerEnumType } from '@nestjs/graphql';

export enum CourtType {
  GENERAL = 'GENERAL',
  CRIMINAL = 'CRIMINAL',
  PERSONAL_STATUS = 'PERSONAL_STATUS',
  COMMERCIAL = 'COMMERCIAL',
  LABOR = 'LABOR',
  APPEAL = 'APPEAL',
  EXECUTION = 'EXECUTION',
}
registerEnumType(CourtType, { name: 'CourtType' });

/** What a circuit hears; lawsuits are referred to a circuit of matching specialization. */
export enum Specialization {
  CIVIL = 'CIVIL',
  COMMERCIAL = 'COMMERCIAL',
  LABOR = 'LABOR',
  PERSONAL_STATUS = 'PERSONAL_STATUS',
  CRIMINAL = 'CRIMINAL',
  APPEAL = 'APPEAL',
  EXECUTION = 'EXECUTION',
}
registerEnumType(Specialization, { name: 'Specialization' });
