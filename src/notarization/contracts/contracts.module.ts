import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../../organizations';
import { NotarizationModule } from '../notarization.module';
import { ContractDocumentSubject } from './contract-document-subject';
import { ContractNotices } from './contract-notices';
import { ContractPartiesResolver, ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';
import { CourtJudgments } from './court-judgments.port';

/** Notarized contracts (العقود الموثقة); agents sign under powers of attorney (AgencyService). */
@Module({
  imports: [NotarizationModule, OrganizationsModule],
  providers: [ContractsService, CourtJudgments, ContractNotices, ContractDocumentSubject, ContractsResolver, ContractPartiesResolver],
  exports: [ContractsService, CourtJudgments],
})
export class ContractsModule {}
