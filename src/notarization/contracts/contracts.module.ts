import { Module } from '@nestjs/common';
import { AGENCY, NoAgency } from './agency.port';
import { ContractNotices } from './contract-notices';
import { ContractPartiesResolver, ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';

/**
 * Notarized contracts (العقود الموثقة). AGENCY answers whether an agent may sign for a principal;
 * it refuses everyone until powers of attorney provide the real answer (AgencyService).
 */
@Module({
  providers: [ContractsService, ContractNotices, ContractsResolver, ContractPartiesResolver, { provide: AGENCY, useClass: NoAgency }],
  exports: [ContractsService],
})
export class ContractsModule {}
