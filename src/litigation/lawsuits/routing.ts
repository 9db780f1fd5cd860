/**
 * Which court and circuit hear a category: automatic routing by city picks a court of the
 * category's own type (else the general court of the city); registration refers the case to the
 * least-loaded active circuit of matching specialization.
 */
import { CourtType, Specialization } from '../../organizations';
import { LawsuitCategory } from './lawsuit.enums';

export const COURT_TYPES_FOR: Record<LawsuitCategory, CourtType[]> = {
  [LawsuitCategory.CIVIL]: [CourtType.GENERAL],
  [LawsuitCategory.COMMERCIAL]: [CourtType.COMMERCIAL, CourtType.GENERAL],
  [LawsuitCategory.LABOR]: [CourtType.LABOR, CourtType.GENERAL],
  [LawsuitCategory.PERSONAL_STATUS]: [CourtType.PERSONAL_STATUS, CourtType.GENERAL],
  [LawsuitCategory.CRIMINAL]: [CourtType.CRIMINAL, CourtType.GENERAL],
};

export const SPECIALIZATION_FOR: Record<LawsuitCategory, Specialization> = {
  [LawsuitCategory.CIVIL]: Specialization.CIVIL,
  [LawsuitCategory.COMMERCIAL]: Specialization.COMMERCIAL,
  [LawsuitCategory.LABOR]: Specialization.LABOR,
  [LawsuitCategory.PERSONAL_STATUS]: Specialization.PERSONAL_STATUS,
  [LawsuitCategory.CRIMINAL]: Specialization.CRIMINAL,
};

/** States in which a case weighs on its circuit's load. */
export const ACTIVE_STATES = ['REGISTERED', 'IN_HEARINGS', 'JUDGMENT_ISSUED', 'OBJECTED', 'STRUCK_OFF'];
