/**
 * Notices a clerk of the court sends to the parties of a registered case (إشعار من المحكمة: bring a
 * document, attend the registry…): to every party or those named, each person and each
 * representative, through the same outbox and channels as the notices of transitions, in one
 * transaction with its audit event. Such a notice is not service of a judgment.
 */
import { PartyAddresses } from './party-addresses';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError } from '../../core/errors/domain-error';
import { NotificationKind } from '../../notifications';
import { Notifier } from '../../notifications';
import type { CourtNoticeReceipt, SendCourtNoticeInput } from './court-notice.model';
import { lawsuitMachine } from './lawsuit-state-machine';
import { LawsuitsService } from './lawsuits.service';
import { LITIGATION } from '../litigation-messages';

@Injectable()
export class CourtNoticesService {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly notifier: Notifier,
    private readonly partyAddresses: PartyAddresses,
  ) {}

  async send(ctx: RequestContext, input: SendCourtNoticeInput): Promise<CourtNoticeReceipt> {
    // One key per request, kept across the transaction's retries: a retry sends nothing twice.
    const noticeId = randomUUID();
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId, 'notify');
      lawsuitMachine.next(lawsuit.state, 'notify', { registered: !!lawsuit.caseNumber });
      const parties = await this.partyAddresses.ofLawsuit(tx, lawsuit.id);
      const addresses = new Map(parties.map((p) => [p.id, PartyAddresses.addressesOf([p])]));
      const unknown = (input.partyIds ?? []).findIndex((id) => !addresses.has(id));
      if (unknown >= 0) throw BadUserInputError.field(`input.partyIds.${unknown}`, LITIGATION.notAParty());
      const chosen = input.partyIds ? [...new Set(input.partyIds)] : parties.map((p) => p.id);
      const reached = chosen.filter((id) => addresses.get(id)!.length);
      const recipients = [...new Set(reached.flatMap((id) => addresses.get(id)!))];
      const { created } = recipients.length
        ? await this.notifier.notify(tx, {
            kind: NotificationKind.COURT_NOTICE,
            recipients: recipients.map((nationalId) => ({ nationalId })),
            lawsuitId: lawsuit.id,
            data: { caseNumber: lawsuit.caseNumber, noticeId },
            titleAr: `${input.titleAr} — الدعوى رقم ${lawsuit.caseNumber}`,
            titleEn: `${input.titleEn} — lawsuit ${lawsuit.caseNumber}`,
            bodyAr: input.bodyAr,
            bodyEn: input.bodyEn,
            dedupeKey: `court-notice:${noticeId}`,
          })
        : { created: [] };
      tx.audit({
        action: 'lawsuit.court-notice',
        subjectType: 'Lawsuit',
        subjectId: lawsuit.id,
        after: { noticeId, partyIds: chosen, recipients: created.length, titleAr: input.titleAr, titleEn: input.titleEn },
      });
      return {
        lawsuitId: lawsuit.id,
        noticeId,
        recipients: created.length,
        partyIds: reached,
        unreachablePartyIds: chosen.filter((id) => !reached.includes(id)),
      };
    });
  }
}
