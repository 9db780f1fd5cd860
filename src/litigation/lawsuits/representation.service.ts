/**
 * Representation of record (docs/domain.md, "Lawyers and agents in lawsuits"): a licensed lawyer
 * holding a party's power of attorney with LIT_PLEAD enters an appearance for that party and
 * becomes its representative of record — notices to the party reach them too, and they act for
 * it; the representative, or the party itself, ends the representation. The parties hear of both.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { PowerCode } from '../../access/power-codes';
import { Role } from '../../access/role.enum';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError, ForbiddenError, InvalidTransitionError } from '../../core/errors/domain-error';
import { UserLookups } from '../../identity';
import { NotificationKind, Notifier } from '../../notifications';
import { AgencyService } from '../../notarization';
import { LITIGATION } from '../litigation-messages';
import { LawsuitNotices } from './lawsuit-notices';
import { LawsuitParty } from './lawsuit-party.entity';
import { LawsuitState } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';
import { PartyKind, RepresentationBasis } from './lawsuit.enums';
import type { AppointRepresentativeInput } from './lawsuit.inputs';
import { LawsuitsService } from './lawsuits.service';

/** A case a lawyer may appear in: submitted, and not ended. */
const APPEARANCE_STATES: readonly LawsuitState[] = [
  LawsuitState.SUBMITTED,
  LawsuitState.RETURNED,
  LawsuitState.REGISTERED,
  LawsuitState.IN_HEARINGS,
  LawsuitState.STRUCK_OFF,
  LawsuitState.JUDGMENT_ISSUED,
  LawsuitState.OBJECTED,
  LawsuitState.APPEAL_DECIDED,
  LawsuitState.FINAL,
  LawsuitState.EXECUTION_REQUESTED,
];

@Injectable()
export class Representation {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly agency: AgencyService,
    private readonly notices: LawsuitNotices,
    private readonly notifier: Notifier,
    private readonly people: UserLookups,
  ) {}

  /** The calling lawyer appears for `partyId` under the party's power of attorney (LIT_PLEAD). */
  async enterAppearance(ctx: RequestContext, lawsuitId: string, partyId: string): Promise<LawsuitParty> {
    return this.tx.run(ctx, async (tx) => {
      const actor = tx.actor!;
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId);
      const party = await this.partyOf(tx, lawsuit, partyId);
      if (!actor.roles.includes(Role.LAWYER)) throw new ForbiddenError(LITIGATION.appearanceByLawyer());
      if (party.kind !== PartyKind.PERSON || !party.nationalId)
        throw BadUserInputError.field('input.partyId', LITIGATION.appearanceForPerson());
      if (!APPEARANCE_STATES.includes(lawsuit.state)) {
        throw new InvalidTransitionError(
          'Lawsuit',
          lawsuit.state,
          'enterAppearance',
          LITIGATION.appearanceInState({ from: lawsuit.state }),
        );
      }
      if (party.representativeId === actor.id) throw BadUserInputError.field('input.partyId', LITIGATION.appearanceAlready());
      const { powerOfAttorneyId } = await this.agency.requireAgency(tx, {
        agentNationalId: actor.nationalId,
        principalNationalId: party.nationalId.trim(),
        power: PowerCode.LIT_PLEAD,
      });
      const before = { representativeId: party.representativeId, powerOfAttorneyId: party.powerOfAttorneyId };
      await tx.repo(LawsuitParty).update({ id: party.id }, { representativeId: actor.id, powerOfAttorneyId });
      tx.audit({
        action: 'lawsuit.appearance_entered',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        before: { partyId: party.id, ...before },
        after: { partyId: party.id, representativeId: actor.id, powerOfAttorneyId },
      });
      const written = Object.assign(tx.repo(LawsuitParty).create(), party, { representativeId: actor.id, powerOfAttorneyId });
      await this.notify(tx, lawsuit, written, 'entered');
      return written;
    });
  }

  /**
   * A clerk of the case's court records who represents an organization party, on the document
   * that shows it (its authorized signatory, or a lawyer under its power of attorney): that person
   * becomes its representative of record and acts for it in the case.
   */
  async appointForOrganization(ctx: RequestContext, input: AppointRepresentativeInput): Promise<LawsuitParty> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId, 'serve');
      const party = await this.partyOf(tx, lawsuit, input.partyId);
      if (party.kind !== PartyKind.ORGANIZATION) throw BadUserInputError.field('input.partyId', LITIGATION.notAnOrganization());
      if (!APPEARANCE_STATES.includes(lawsuit.state)) {
        throw new InvalidTransitionError(
          'Lawsuit',
          lawsuit.state,
          'appointRepresentative',
          LITIGATION.appearanceInState({ from: lawsuit.state }),
        );
      }
      const person = await this.people.findByNationalId(tx, input.representativeNationalId);
      if (!person || person.status !== 'ACTIVE')
        throw BadUserInputError.field('input.representativeNationalId', LITIGATION.noSuchAccount());
      if (input.basis === RepresentationBasis.POWER_OF_ATTORNEY && !person.roles.includes(Role.LAWYER)) {
        throw BadUserInputError.field('input.representativeNationalId', LITIGATION.notALawyer());
      }
      await tx.repo(LawsuitParty).update({ id: party.id }, { representativeId: person.id, powerOfAttorneyId: null });
      tx.audit({
        action: 'lawsuit.representative_appointed',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        before: { partyId: party.id, representativeId: party.representativeId },
        after: { partyId: party.id, representativeId: person.id, basis: input.basis, reference: input.reference },
      });
      const written = Object.assign(tx.repo(LawsuitParty).create(), party, { representativeId: person.id, powerOfAttorneyId: null });
      await this.notify(tx, lawsuit, written, 'entered');
      return written;
    });
  }

  /** The representative withdraws, or the party dismisses them: the party has no representative of record. */
  async withdraw(ctx: RequestContext, lawsuitId: string, partyId: string): Promise<LawsuitParty> {
    return this.tx.run(ctx, async (tx) => {
      const actor = tx.actor!;
      const lawsuit = await this.lawsuits.lockReadable(tx, lawsuitId);
      const party = await this.partyOf(tx, lawsuit, partyId);
      if (!party.representativeId)
        throw new InvalidTransitionError('LawsuitParty', 'UNREPRESENTED', 'withdrawRepresentation', LITIGATION.noRepresentative());
      const theParty = !!party.nationalId && party.nationalId.trim() === actor.nationalId;
      if (party.representativeId !== actor.id && !theParty) throw new ForbiddenError(LITIGATION.representationNotYours());
      await tx.repo(LawsuitParty).update({ id: party.id }, { representativeId: null, powerOfAttorneyId: null });
      tx.audit({
        action: 'lawsuit.representation_ended',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        before: { partyId: party.id, representativeId: party.representativeId, powerOfAttorneyId: party.powerOfAttorneyId },
        after: { partyId: party.id, representativeId: null, by: theParty ? 'party' : 'representative' },
      });
      // The one who leaves hears of it too: the notice goes out before the record forgets them.
      await this.notify(tx, lawsuit, party, 'ended');
      return Object.assign(tx.repo(LawsuitParty).create(), party, { representativeId: null, powerOfAttorneyId: null });
    });
  }

  private async partyOf(tx: RequestContext, lawsuit: Lawsuit, partyId: string): Promise<LawsuitParty> {
    const party = await tx.repo(LawsuitParty).findOneBy({ id: partyId, lawsuitId: lawsuit.id });
    if (!party) throw BadUserInputError.field('input.partyId', LITIGATION.notAPartyOfLawsuit());
    return party;
  }

  private async notify(tx: RequestContext, lawsuit: Lawsuit, party: LawsuitParty, change: 'entered' | 'ended'): Promise<void> {
    const facts = await this.notices.facts(tx, lawsuit, lawsuit.circuitId, {});
    const lawyer = (await this.people.findUser(tx, party.representativeId!))!;
    const recipients = [...(await this.notices.recipients(tx, lawsuit, 'parties')).map((r) => r.nationalId), lawyer.nationalId.trim()];
    const entered = change === 'entered';
    await this.notifier.notify(tx, {
      kind: NotificationKind.REPRESENTATION_CHANGED,
      recipients: [...new Set(recipients)].map((nationalId) => ({ nationalId })),
      lawsuitId: lawsuit.id,
      data: { caseNumber: lawsuit.caseNumber, partyId: party.id, change, representativeId: party.representativeId },
      titleAr: entered ? `حضور محامٍ في ${facts.refAr}` : `انتهاء تمثيل في ${facts.refAr}`,
      titleEn: entered ? `A lawyer appears in ${facts.refEn}` : `Representation ended in ${facts.refEn}`,
      bodyAr: entered
        ? `حضر المحامي ${lawyer.nameAr} عن ${party.nameAr} في ${facts.refAr} بموجب وكالة، وصار ممثله في الدعوى.`
        : `انتهى تمثيل المحامي ${lawyer.nameAr} لـ${party.nameAr} في ${facts.refAr}.`,
      bodyEn: entered
        ? `${lawyer.nameEn} entered an appearance for ${party.nameEn} in ${facts.refEn} under a power of attorney, and represents them in the case.`
        : `${lawyer.nameEn} no longer represents ${party.nameEn} in ${facts.refEn}.`,
      dedupeKey: `representation:${change}:${party.id}:${party.representativeId}:${tx.now().getTime()}`,
    });
  }
}
