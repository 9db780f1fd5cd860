import { FilingRefunds } from './filing-refunds';
import { FilingFees } from './filing-fees';
import { Module } from '@nestjs/common';
import { LawsuitFilings } from './lawsuit-filings.service';
import { CaseEnds } from './case-ends';
import { CourtActs } from './court-acts.service';
import { CourtActsResolver } from './court-acts.resolver';
import { CaseFiles } from './case-files';
import { PartyAddresses } from './party-addresses';
import { NotarizationModule } from '../../notarization';
import { OrganizationsModule } from '../../organizations';
import { CourtNoticesResolver } from './court-notices.resolver';
import { CourtNoticesService } from './court-notices.service';
import { LawsuitOutcomesResolver } from './lawsuit-outcomes.resolver';
import { LawsuitOutcomesService } from './lawsuit-outcomes.service';
import { LawsuitRulesResolver } from './lawsuit-rules.resolver';
import { LawsuitNotices } from './lawsuit-notices';
import { LawsuitAttachmentsResolver, LawsuitPartiesResolver, LawsuitsResolver } from './lawsuits.resolver';
import { LawsuitsService } from './lawsuits.service';
import { LawsuitDeadlinesResolver } from './lawsuit-deadlines.resolver';
import { Representation } from './representation.service';
import { RepresentationResolver } from './representation.resolver';

/** Lawsuits: filing, review and registration, the lifecycle and its other ends, the court's notices, and the reads. */
@Module({
  imports: [NotarizationModule, OrganizationsModule],
  providers: [
    LawsuitsService,
    LawsuitFilings,
    FilingFees,
    FilingRefunds,
    LawsuitNotices,
    PartyAddresses,
    CaseFiles,
    CaseEnds,
    CourtActs,
    CourtActsResolver,
    LawsuitsResolver,
    LawsuitPartiesResolver,
    LawsuitAttachmentsResolver,
    LawsuitOutcomesService,
    LawsuitOutcomesResolver,
    CourtNoticesService,
    CourtNoticesResolver,
    LawsuitRulesResolver,
    LawsuitDeadlinesResolver,
    Representation,
    RepresentationResolver,
  ],
  exports: [LawsuitsService, FilingFees, LawsuitNotices, PartyAddresses, CaseFiles, CaseEnds, LawsuitOutcomesService],
})
export class LawsuitsModule {}
