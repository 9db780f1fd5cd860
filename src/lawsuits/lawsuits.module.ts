import { Module } from '@nestjs/common';
import { LawsuitPartiesResolver, LawsuitsResolver } from './lawsuits.resolver';
import { LawsuitsService } from './lawsuits.service';

/** Lawsuits: filing, review and registration, the lifecycle, and the reads. */
@Module({
  providers: [LawsuitsService, LawsuitsResolver, LawsuitPartiesResolver],
  exports: [LawsuitsService],
})
export class LawsuitsModule {}
