import { Module } from '@nestjs/common';
import { HearingReads } from './hearing-reads.service';
import { HearingNotices } from './hearing-notices';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { NotarizationModule } from '../../notarization';
import { OrganizationsModule } from '../../organizations';
import { HearingsResolver, LawsuitHearingsResolver } from './hearings.resolver';
import { HearingsService } from './hearings.service';

/** Hearings, the docket and the public cause list. */
@Module({
  imports: [LawsuitsModule, NotarizationModule, OrganizationsModule],
  providers: [HearingsService, HearingReads, HearingNotices, HearingsResolver, LawsuitHearingsResolver],
  exports: [HearingsService],
})
export class HearingsModule {}
