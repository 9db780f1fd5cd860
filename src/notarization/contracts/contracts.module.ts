import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../../organizations';
import { NotarizationModule } from '../notarization.module';
import { ContractDocumentSubject } from './contract-document-subject';
import { ContractNotices } from './contract-notices';
import { ContractPartiesResolver, ContractsResolver } from './contracts.resolver';
import { ContractDrafting } from './contract-drafting.service';
import { ContractNotarization } from './contract-notarization.service';
import { ContractEndings } from './contract-endings.service';
import { ContractFees } from './contract-fees';
import { NotaryFeesResolver } from '../fees/notary-fees.resolver';
import { ContractReads } from './contract-reads.service';
import { ContractSignatures } from './contract-signatures.service';
import { ContractTransitions } from './contract-transitions';
import { ContractVoiding } from './contract-voiding.service';
import { CourtJudgments } from './court-judgments.port';
import { ContractAttachmentsResolver } from '../notarization-attachments.resolver';

/** Notarized contracts (العقود الموثقة); agents sign under powers of attorney (AgencyService). */
@Module({
  imports: [NotarizationModule, OrganizationsModule],
  providers: [
    ContractDrafting,
    ContractSignatures,
    ContractNotarization,
    ContractFees,
    NotaryFeesResolver,
    ContractVoiding,
    ContractEndings,
    ContractReads,
    ContractTransitions,
    CourtJudgments,
    ContractNotices,
    ContractDocumentSubject,
    ContractsResolver,
    ContractPartiesResolver,
    ContractAttachmentsResolver,
  ],
  exports: [ContractReads, CourtJudgments],
})
export class ContractsModule {}
