import { Module } from '@nestjs/common';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { NotarizationModule } from '../notarization/notarization.module';
import { JudgmentsResolver, JudgmentWindowsResolver, LawsuitJudgmentResolver } from './judgments.resolver';
import { JudgmentsService } from './judgments.service';
import { ObjectionClock } from './objection-clock.service';
import { ObjectionRulesResolver } from './objection-rules.resolver';

/** Judgments, each party's objection clock, objections, appeal decisions, finality and execution requests. */
@Module({
  imports: [LawsuitsModule, NotarizationModule],
  providers: [
    JudgmentsService,
    ObjectionClock,
    JudgmentsResolver,
    LawsuitJudgmentResolver,
    JudgmentWindowsResolver,
    ObjectionRulesResolver,
  ],
  exports: [JudgmentsService, ObjectionClock],
})
export class JudgmentsModule {}
