import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AgencyService } from './agency.service';
import { PoaDocumentSubject } from './poa-document-subject';
import { PoaLimitsResolver } from './poa-limits.resolver';
import { PoaNotices } from './poa-notices';
import { PowersOfAttorneyResolver } from './powers-of-attorney.resolver';
import { PowerOfAttorneyReads } from './powers-of-attorney-reads.service';
import { PowersOfAttorneyService } from './powers-of-attorney.service';

/**
 * Notarization: powers of attorney (catalogue, issuing, lifecycle, verification) and the agency
 * check other modules use to let someone act for another person (AgencyService). Its document
 * subject (poa-document-subject.ts) registers with the global documents core.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    PowersOfAttorneyService,
    PowerOfAttorneyReads,
    PoaNotices,
    PoaDocumentSubject,
    AgencyService,
    PowersOfAttorneyResolver,
    PoaLimitsResolver,
  ],
  exports: [PowersOfAttorneyService, PowerOfAttorneyReads, AgencyService],
})
export class NotarizationModule {}
