import { Module } from '@nestjs/common';
import { NotarizationModule } from '../../notarization';
import { LawsuitsModule } from '../lawsuits/lawsuits.module';
import { LawsuitSettlementsResolver, SettlementsResolver } from './settlements.resolver';
import { SettlementsService } from './settlements.service';

/** Settlement (صلح) of a case: terms, consents, approval and its document (docs/domain.md, "Settlement"). */
@Module({
  imports: [LawsuitsModule, NotarizationModule],
  providers: [SettlementsService, SettlementsResolver, LawsuitSettlementsResolver],
})
export class SettlementsModule {}
