import { PowerOfAttorneyAttachmentsResolver } from './notarization-attachments.resolver';
import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { OrganizationsModule } from '../organizations';
import { AgencyService } from './powers-of-attorney/agency.service';
import { PoaDocumentSubject } from './powers-of-attorney/poa-document-subject';
import { PoaLimitsResolver } from './powers-of-attorney/poa-limits.resolver';
import { PoaFees } from './powers-of-attorney/poa-fees';
import { PoaNotices } from './powers-of-attorney/poa-notices';
import { PowersOfAttorneyResolver } from './powers-of-attorney/powers-of-attorney.resolver';
import { PowerOfAttorneyReads } from './powers-of-attorney/powers-of-attorney-reads.service';
import { DelegationCascade } from './powers-of-attorney/delegation-cascade';
import { PowerOfAttorneyConfirmations } from './powers-of-attorney/poa-confirmations.service';
import { PowerOfAttorneyDelegation } from './powers-of-attorney/poa-delegation.service';
import { PowerOfAttorneyExpiry } from './powers-of-attorney/poa-expiry.service';
import { PowerOfAttorneyIssuing } from './powers-of-attorney/poa-issuing.service';
import { PowerOfAttorneyRevocation } from './powers-of-attorney/poa-revocation.service';
import { PoaTransitions } from './powers-of-attorney/poa-transitions';
// What the rules look at in this wing's records (checks and list filters).
import './notarization.subjects';
// The powers of attorney an actor acts under, loaded with the actor.
import './powers-of-attorney/actor-agencies';

/**
 * Notarization: powers of attorney (catalogue, issuing, lifecycle, verification) and the agency
 * check other modules use to let someone act for another person (AgencyService). Its document
 * subject (poa-document-subject.ts) registers with the global documents core.
 */
@Module({
  imports: [IdentityModule, OrganizationsModule],
  providers: [
    PowerOfAttorneyIssuing,
    PowerOfAttorneyConfirmations,
    PowerOfAttorneyRevocation,
    PowerOfAttorneyDelegation,
    PowerOfAttorneyExpiry,
    DelegationCascade,
    PoaTransitions,
    PowerOfAttorneyReads,
    PoaNotices,
    PoaFees,
    PoaDocumentSubject,
    AgencyService,
    PowersOfAttorneyResolver,
    PowerOfAttorneyAttachmentsResolver,
    PoaLimitsResolver,
  ],
  exports: [PowerOfAttorneyExpiry, PowerOfAttorneyReads, AgencyService],
})
export class NotarizationModule {}
