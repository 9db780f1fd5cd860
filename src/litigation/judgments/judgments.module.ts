import { Module } from '@nestjs/common';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { ContractsModule } from '../../notarization/contracts/contracts.module';
import { NotarizationModule } from '../../notarization/notarization.module';
import { ContractJudgmentsSource } from './contract-judgments.source';
import { JudgmentsResolver, JudgmentWindowsResolver, LawsuitJudgmentResolver } from './judgments.resolver';
import { JudgmentsService } from './judgments.service';
import { ObjectionClock } from './objection-clock.service';

/** Judgments, each party's objection clock, objections, appeal decisions, finality and execution requests. */
@Module({
  imports: [LawsuitsModule, NotarizationModule, ContractsModule],
  providers: [
    ContractJudgmentsSource,
    JudgmentsService,
    ObjectionClock,
    JudgmentsResolver,
    LawsuitJudgmentResolver,
    JudgmentWindowsResolver,
  ],
  exports: [JudgmentsService, ObjectionClock],
})
export class JudgmentsModule {}
