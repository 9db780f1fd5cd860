import { Module } from '@nestjs/common';
import { OrganizationsService } from './organizations.service';
import { CircuitsResolver, CourtsResolver, HolidaysResolver, OfficesResolver } from './organizations.resolver';
import { WorkingCalendarResolver } from './working-calendar.resolver';

/** Courts, circuits, working calendars, prosecution and notary offices. */
@Module({
  providers: [OrganizationsService, CourtsResolver, CircuitsResolver, HolidaysResolver, OfficesResolver, WorkingCalendarResolver],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
