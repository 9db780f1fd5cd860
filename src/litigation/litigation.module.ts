/**
 * The litigation wing: lawsuits and their parties, pleadings, hearings, judgments and objections,
 * and the documents of a case (their subjects register with the documents wing).
 */
import { Module } from '@nestjs/common';
import { HearingsModule } from './hearings/hearings.module';
import { JudgmentsModule } from './judgments/judgments.module';
import { LawsuitDocumentSubjects } from './lawsuit-document-subjects';
import { LawsuitsModule } from './lawsuits/lawsuits.module';
import { PleadingsModule } from './pleadings/pleadings.module';

@Module({
  imports: [LawsuitsModule, HearingsModule, JudgmentsModule, PleadingsModule],
  providers: [LawsuitDocumentSubjects],
  exports: [LawsuitsModule, HearingsModule, JudgmentsModule, PleadingsModule],
})
export class LitigationModule {}
