/**
 * The organizations wing's public surface: courts and their circuits, working calendars and
 * holidays, prosecution and notary offices. Other wings import from here only.
 */
export { Circuit } from './circuit.entity';
export { Court } from './court.entity';
export { Holiday } from './holiday.entity';
export { Courtroom } from './courtroom.entity';
export { Courtrooms } from './courtrooms';
export { CourtDeadlines, type DeadlineFacts } from './court-deadlines';
export { Deadline, MovedOverDay } from './court-deadline.model';
export { NotaryOffice, ProsecutionOffice } from './office.entities';
export { OrganizationLookups } from './organization-lookups.service';
export { CourtType, Specialization } from './organization.enums';
export { OrganizationsModule } from './organizations.module';
export { OrganizationsService } from './organizations.service';
export { calendarProblem, type CalendarProblem, type CalendarRules, type ClosedDays, isOpen, localParts } from './working-calendar';
