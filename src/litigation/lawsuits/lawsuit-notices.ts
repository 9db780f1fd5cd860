/**
 * Tells the people concerned of each transition of a lawsuit (the texts: lawsuit-notice-texts.ts),
 * and says who they are: the parties at their platform addresses, and the filer.
 *
 * `LawsuitsService.applyEvent`, through which every state change of a lawsuit goes, calls
 * `lawsuitMoved`. It writes through `Notifier` inside the caller's transaction, so a transition
 * that rolls back notifies no one, and a committed one is delivered exactly once.
 */
import { PartyAddresses } from './party-addresses';
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { UserLookups } from '../../identity';
import { Notifier } from '../../notifications';
import { OrganizationLookups } from '../../organizations';
import { type Audience, type CaseFacts, LAWSUIT_NOTICES, short, type TransitionDetails } from './lawsuit-notice-texts';
import type { LawsuitEvent } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';
import { PartySide } from './lawsuit.enums';

export type { TransitionDetails } from './lawsuit-notice-texts';

@Injectable()
export class LawsuitNotices {
  constructor(
    private readonly notifier: Notifier,
    private readonly organizations: OrganizationLookups,
    private readonly people: UserLookups,
    private readonly partyAddresses: PartyAddresses,
  ) {}

  /** Notifies those concerned of one event of the state machine (`before` and `after` the change). */
  async lawsuitMoved(
    tx: RequestContext,
    before: Lawsuit,
    after: Lawsuit,
    event: LawsuitEvent,
    details: TransitionDetails = {},
  ): Promise<void> {
    const template = LAWSUIT_NOTICES[event];
    if (!template) return;
    const audience = typeof template.audience === 'function' ? template.audience(before) : template.audience;
    const facts = await this.facts(tx, after, after.circuitId, details);
    const { data, ...text } = template.text(facts);
    await this.notifier.notify(tx, {
      kind: template.kind,
      recipients: await this.recipients(tx, after, audience),
      lawsuitId: after.id,
      data: { caseNumber: after.caseNumber, state: after.state, ...data },
      ...text,
      // One notice per transition: the version the lawsuit had before it.
      dedupeKey: `lawsuit:${event}:${after.id}:${before.version}`,
    });
  }

  /** The court, circuit and references of a case, as notices name them. */
  async facts(tx: RequestContext, lawsuit: Lawsuit, circuitId: string | null, details: TransitionDetails): Promise<CaseFacts> {
    // One after the other: inside a transaction they share one connection.
    const court = await this.organizations.courtOf(tx, lawsuit.courtId);
    const circuit = circuitId ? await this.organizations.findCircuit(tx, circuitId) : null;
    const no = lawsuit.caseNumber ?? '';
    return {
      lawsuit,
      court,
      circuit,
      details,
      no,
      refAr: no ? `الدعوى رقم ${no}` : `صحيفة الدعوى «${short(lawsuit.subject)}»`,
      refEn: no ? `lawsuit ${no}` : `the filing “${short(lawsuit.subject)}”`,
    };
  }

  /** National IDs of the people to notify: parties (persons), their representatives, and the filer. */
  async recipients(tx: RequestContext, lawsuit: Lawsuit, audience: Audience): Promise<{ nationalId: string }[]> {
    const parties = (await this.partyAddresses.ofLawsuit(tx, lawsuit.id)).filter(
      (p) => audience === 'parties' || p.side !== PartySide.DEFENDANT,
    );
    const filer = (await this.people.nationalIdsOf(tx, [lawsuit.filedBy])).get(lawsuit.filedBy);
    return [...PartyAddresses.addressesOf(parties), ...(filer ? [filer] : [])].map((nationalId) => ({ nationalId }));
  }
}
