import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AgencyService } from './powers-of-attorney/agency.service';
import { PoaDocumentSubject } from './powers-of-attorney/poa-document-subject';
import { PoaNotices } from './powers-of-attorney/poa-notices';
import { PowersOfAttorneyResolver } from './powers-of-attorney/powers-of-attorney.resolver';
import { PowerOfAttorneyReads } from './powers-of-attorney/powers-of-attorney-reads.service';
import { PowersOfAttorneyService } from './powers-of-attorney/powers-of-attorney.service';

/**
 * Notarization: powers of attorney (catalogue, issuing, lifecycle, verification) and the agency
 * check other modules use to let someone act for another person (AgencyService). Its document
 * subject (poa-document-subject.ts) registers with the global documents core.
 */
@Module({
  imports: [IdentityModule],
  providers: [PowersOfAttorneyService, PowerOfAttorneyReads, PoaNotices, PoaDocumentSubject, AgencyService, PowersOfAttorneyResolver],
  exports: [PowersOfAttorneyService, PowerOfAttorneyReads, AgencyService],
})
export class NotarizationModule {}
