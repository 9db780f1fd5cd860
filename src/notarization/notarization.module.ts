import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AgencyService } from './agency.service';
import { PoaNotices } from './poa-notices';
import { PowersOfAttorneyResolver } from './powers-of-attorney.resolver';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { PowersOfAttorneyService } from './powers-of-attorney.service';

/**
 * Notarization: powers of attorney (catalogue, issuing, lifecycle, verification) and the agency
 * check other modules use to let someone act for another person (AgencyService).
 */
@Module({
  imports: [IdentityModule],
  providers: [PowersOfAttorneyService, PowerOfAttorneyReads, PoaNotices, AgencyService, PowersOfAttorneyResolver],
  exports: [PowersOfAttorneyService, PowerOfAttorneyReads, AgencyService],
})
export class NotarizationModule {}
