import { Module } from '@nestjs/common';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { NotarizationModule } from '../../notarization';
import { LawsuitPleadingsResolver, PleadingsResolver } from './pleadings.resolver';
import { PleadingsService } from './pleadings.service';
import { WaiverLapses } from './waiver-lapses';

/** Statements of defence, memos and the claimant's waiver. */
@Module({
  imports: [LawsuitsModule, NotarizationModule],
  providers: [PleadingsService, WaiverLapses, PleadingsResolver, LawsuitPleadingsResolver],
  exports: [PleadingsService, WaiverLapses],
})
export class PleadingsModule {}
