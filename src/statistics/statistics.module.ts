import { Module } from '@nestjs/common';
import { LitigationModule } from '../litigation';
import { OrganizationsModule } from '../organizations';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

/** Public court statistics: the litigation wing's cohorts of lawsuits with the courts' names, never party data. */
@Module({
  imports: [LitigationModule, OrganizationsModule],
  providers: [StatisticsService, StatisticsResolver],
  exports: [StatisticsService],
})
export class StatisticsModule {}
