import { Module } from '@nestjs/common';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { NotarizationModule } from '../notarization/notarization.module';
import { JudgmentsResolver, LawsuitJudgmentResolver } from './judgments.resolver';
import { JudgmentsService } from './judgments.service';

/** Judgments, objections, appeal decisions, finality and execution requests. */
@Module({
  imports: [LawsuitsModule, NotarizationModule],
  providers: [JudgmentsService, JudgmentsResolver, LawsuitJudgmentResolver],
  exports: [JudgmentsService],
})
export class JudgmentsModule {}
