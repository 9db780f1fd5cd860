/**
 * The litigation wing: lawsuits and their parties, pleadings, hearings, judgments and objections,
 * the documents of a case (their subjects register with the documents wing), and a party's agenda.
 */
import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations';
import { AgendaModule } from './agenda/agenda.module';
import { HearingsModule } from './hearings/hearings.module';
import { JudgmentsModule } from './judgments/judgments.module';
import { CaseStatistics } from './case-statistics';
import { LawsuitDocumentSubjects } from './lawsuit-document-subjects';
import { LawsuitsModule } from './lawsuits/lawsuits.module';
import { PleadingsModule } from './pleadings/pleadings.module';
import { SettlementsModule } from './settlements/settlements.module';
// What the rules look at in this wing's records (checks and list filters).
import './litigation.subjects';

@Module({
  imports: [OrganizationsModule, LawsuitsModule, HearingsModule, JudgmentsModule, PleadingsModule, AgendaModule, SettlementsModule],
  providers: [LawsuitDocumentSubjects, CaseStatistics],
  exports: [LawsuitsModule, HearingsModule, JudgmentsModule, PleadingsModule, CaseStatistics],
})
export class LitigationModule {}
