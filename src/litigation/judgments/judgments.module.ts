import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../../organizations';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { ContractsModule } from '../../notarization';
import { NotarizationModule } from '../../notarization';
import { ContractJudgmentsSource } from './contract-judgments.source';
import { JudgmentsResolver, JudgmentWindowsResolver, LawsuitJudgmentResolver } from './judgments.resolver';
import { JudgmentCosts } from './judgment-costs';
import { JudgmentsService } from './judgments.service';
import { ObjectionClock } from './objection-clock.service';
import { ObjectionReminders } from './objection-reminders';
import { ObjectionRulesResolver } from './objection-rules.resolver';

/** Judgments, each party's objection clock, objections, appeal decisions, finality and execution requests. */
@Module({
  imports: [OrganizationsModule, LawsuitsModule, NotarizationModule, ContractsModule],
  providers: [
    ContractJudgmentsSource,
    JudgmentsService,
    JudgmentCosts,
    ObjectionClock,
    ObjectionReminders,
    JudgmentsResolver,
    LawsuitJudgmentResolver,
    JudgmentWindowsResolver,
    ObjectionRulesResolver,
  ],
  exports: [JudgmentsService, ObjectionClock, ObjectionReminders],
})
export class JudgmentsModule {}
