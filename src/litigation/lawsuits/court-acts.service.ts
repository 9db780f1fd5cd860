/**
 * The court's own acts on a case (docs/domain.md, "The court's own acts"): a judge of its circuit
 * seals it, or lifts the seal, saying why; the reason is audited, readable by those who may read
 * the case. A judge of its circuit transfers it, for jurisdiction, to another circuit or court: it
 * keeps its history; in another court it takes a number there, and each transfer keeps the old.
 */
import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../access/context/request-context';
import { Transactions } from '../../core/database/transactions';
import { BadUserInputError } from '../../core/errors/domain-error';
import { OrganizationLookups } from '../../organizations';
import { LITIGATION } from '../litigation-messages';
import { authorize, can, unreadable } from '../../access/authorize';
import { CaseFiles, LawsuitSubject } from './case-files';
import { allocateCaseNumber } from './case-numbers';
import { LawsuitTransfer } from './lawsuit-transfer.entity';
import { lawsuitMachine } from './lawsuit-state-machine';
import type { Lawsuit } from './lawsuit.entity';
import type { TransferLawsuitInput } from './lawsuit.inputs';
import { LawsuitsService } from './lawsuits.service';
import { SPECIALIZATION_FOR } from './routing';

@Injectable()
export class CourtActs {
  constructor(
    private readonly tx: Transactions,
    private readonly lawsuits: LawsuitsService,
    private readonly organizations: OrganizationLookups,
    private readonly caseFiles: CaseFiles,
  ) {}

  /** Seals the case (`sealed`: true) or lifts the seal (false). */
  seal(ctx: RequestContext, lawsuitId: string, sealed: boolean, reason: string): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      // A judge of the circuit acts on a sealed case of it even where the seal keeps its content
      // from them (they do not sit on it): its existence is theirs to know, its docket slot shows it.
      const file = await this.caseFiles.lock(tx, lawsuitId);
      const shape = LawsuitSubject.shapeOf(file);
      if (!can(tx, 'read', 'Lawsuit', shape) && !can(tx, 'judge', 'Lawsuit', shape))
        throw unreadable(tx, 'Lawsuit', shape, LITIGATION.lawsuitNotFound());
      authorize(tx, 'judge', 'Lawsuit', shape);
      const lawsuit = file.lawsuit;
      const event = sealed ? 'seal' : 'unseal';
      // The lifecycle refuses a sealed case sealed again (or an open one unsealed) before anything is written.
      return this.lawsuits.applyEvent(tx, lawsuit, event, { sealed }, {}, { sealed: lawsuit.sealed }, { sealed, reason });
    });
  }

  /** Transfers the case to a circuit of another court (or of its own): by default the least loaded there. */
  transfer(ctx: RequestContext, input: TransferLawsuitInput): Promise<Lawsuit> {
    return this.tx.run(ctx, async (tx) => {
      const lawsuit = await this.lawsuits.lockReadable(tx, input.lawsuitId, 'judge');
      lawsuitMachine.next(lawsuit.state, 'transfer');
      const court = await this.organizations.courtOf(tx, input.courtId).catch(() => null);
      if (!court) throw BadUserInputError.field('input.courtId', LITIGATION.courtNotFound());
      let circuitId = input.circuitId;
      if (circuitId) {
        const circuit = await this.organizations.findCircuit(tx, circuitId);
        if (!circuit || circuit.courtId !== court.id || !circuit.active || circuit.specialization !== SPECIALIZATION_FOR[lawsuit.category])
          throw BadUserInputError.field('input.circuitId', LITIGATION.notACircuitOfCourt());
      } else {
        circuitId = await this.lawsuits.leastLoadedCircuit(tx, lawsuit, court.id, 'input.courtId');
      }
      if (circuitId === lawsuit.circuitId) throw BadUserInputError.field('input.circuitId', LITIGATION.transferNowhere());
      const previousCaseNumber = lawsuit.caseNumber!;
      const renumber = court.id !== lawsuit.courtId ? await allocateCaseNumber(tx, court) : null;
      await tx.repo(LawsuitTransfer).insert({
        lawsuitId: lawsuit.id,
        fromCourtId: lawsuit.courtId,
        fromCircuitId: lawsuit.circuitId,
        toCourtId: court.id,
        toCircuitId: circuitId,
        previousCaseNumber,
        caseNumber: renumber?.number ?? previousCaseNumber,
        reason: input.reason,
        transferredBy: tx.actor!.id,
        transferredAt: tx.now(),
      });
      return this.lawsuits.applyEvent(
        tx,
        lawsuit,
        'transfer',
        {
          courtId: court.id,
          circuitId,
          ...(renumber ? { caseNumber: renumber.number, caseYear: renumber.year, caseSeq: renumber.seq } : {}),
        },
        { transfer: { previousCaseNumber, reason: input.reason } },
        undefined,
        { fromCourtId: lawsuit.courtId, fromCircuitId: lawsuit.circuitId, previousCaseNumber, reason: input.reason },
      );
    });
  }

  /** The transfers of these cases, oldest first (one query for a page of cases). */
  transfersOf(ctx: RequestContext, lawsuitIds: readonly string[]): Promise<LawsuitTransfer[]> {
    return ctx
      .repo(LawsuitTransfer)
      .createQueryBuilder('t')
      .where('t.lawsuit_id = ANY(:ids)', { ids: [...lawsuitIds] })
      .orderBy('t.transferred_at')
      .getMany();
  }
}
