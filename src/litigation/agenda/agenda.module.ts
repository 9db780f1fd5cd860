import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../../organizations';
import { AgendaResolver } from './agenda.resolver';
import { AgendaService } from './agenda.service';
import { CalendarController } from './calendar.controller';
import { CalendarFeeds } from './calendar-feeds';

/** A party's agenda and their calendar feed (docs/domain.md, "A party's agenda"). */
@Module({
  imports: [OrganizationsModule],
  controllers: [CalendarController],
  providers: [AgendaService, CalendarFeeds, AgendaResolver],
})
export class AgendaModule {}
