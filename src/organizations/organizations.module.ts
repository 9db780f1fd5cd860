import { Module } from '@nestjs/common';
import { OrganizationsService } from './organizations.service';
import { CircuitsResolver, CourtsResolver, HolidaysResolver, OfficesResolver } from './organizations.resolver';

/** Courts, circuits, working calendars, prosecution and notary offices. */
@Module({
  providers: [OrganizationsService, CourtsResolver, CircuitsResolver, HolidaysResolver, OfficesResolver],
  exports: [OrganizationsService],
})
export class OrganizationsModule {}
