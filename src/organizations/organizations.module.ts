import { Module } from '@nestjs/common';
import { OrganizationsService } from './organizations.service';
import { OrganizationLookups } from './organization-lookups.service';
import { CircuitsResolver, CourtsResolver, HolidaysResolver, OfficesResolver } from './organizations.resolver';
import { WorkingCalendarResolver } from './working-calendar.resolver';
import { Courtrooms } from './courtrooms';
import { CourtDeadlines } from './court-deadlines';
import { CourtroomsResolver } from './courtrooms.resolver';
// What the rules look at in this wing's records (checks and list filters).
import './organizations.subjects';

/** Courts, circuits, working calendars, prosecution and notary offices. */
@Module({
  providers: [
    OrganizationsService,
    OrganizationLookups,
    CourtsResolver,
    CircuitsResolver,
    HolidaysResolver,
    OfficesResolver,
    WorkingCalendarResolver,
    Courtrooms,
    CourtroomsResolver,
    CourtDeadlines,
  ],
  exports: [OrganizationsService, OrganizationLookups, Courtrooms, CourtDeadlines],
})
export class OrganizationsModule {}
