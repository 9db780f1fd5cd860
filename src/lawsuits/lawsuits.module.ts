import { Module } from '@nestjs/common';
import { NotarizationModule } from '../notarization/notarization.module';
import { LawsuitOutcomesResolver } from './lawsuit-outcomes.resolver';
import { LawsuitOutcomesService } from './lawsuit-outcomes.service';
import { LawsuitNotices } from './lawsuit-notices';
import { LawsuitPartiesResolver, LawsuitsResolver } from './lawsuits.resolver';
import { LawsuitsService } from './lawsuits.service';

/** Lawsuits: filing, review and registration, the lifecycle and its other ends, and the reads. */
@Module({
  imports: [NotarizationModule],
  providers: [LawsuitsService, LawsuitNotices, LawsuitsResolver, LawsuitPartiesResolver, LawsuitOutcomesService, LawsuitOutcomesResolver],
  exports: [LawsuitsService, LawsuitNotices],
})
export class LawsuitsModule {}
