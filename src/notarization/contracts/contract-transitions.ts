/**
 * A contract row as every act takes it: what the contract rules look at (its shape), the row
 * locked, locked only if the caller may read it, and moved through one event of the state machine
 * (the one place its state is set) with the optimistic version check, its audit event, its notices
 * and, on notarization, its document. Runs inside the caller's transaction.
 */
import { Injectable } from '@nestjs/common';
import type { AccessShapes } from '../../access/ability.types';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError, StaleVersionError } from '../../core/errors/domain-error';
import { DocumentKind, DocumentsService } from '../../documents';
import { ContractNotices, ContractNoticeDetails } from './contract-notices';
import { ContractSubject } from '../notarization.subjects';
import { ContractEvent, contractMachine } from './contract-state-machine';
import { Contract } from './contract.entity';

export type ContractShape = AccessShapes['Contract'];

/** What the contract rules look at: the row plus the people who sign for its parties. */
export function contractShape(ctx: RequestContext, c: Contract): Promise<ContractShape> {
  return ContractSubject.shape(ctx, c);
}

/** What the audit records of a contract before and after an act. */
export function snapshot(c: Contract) {
  return { number: c.number, state: c.state, version: c.version, amount: c.amount, deedNumber: c.deedNumber };
}

@Injectable()
export class ContractTransitions {
  constructor(
    private readonly notices: ContractNotices,
    private readonly documents: DocumentsService,
  ) {}

  async lock(tx: RequestContext, id: string): Promise<Contract> {
    const contract = await tx.repo(Contract).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
    if (!contract) throw new NotFoundError('Contract');
    return contract;
  }

  /** The row locked; NOT_FOUND unless the caller may read it. */
  async lockReadable(tx: RequestContext, id: string): Promise<Contract> {
    const contract = await this.lock(tx, id);
    if (!can(tx, 'read', 'Contract', await contractShape(tx, contract))) throw new NotFoundError('Contract');
    return contract;
  }

  /**
   * Moves a contract, locked and authorized by the caller, through one event of the state machine
   * with `patch`, audits it and notifies its people. The state is only ever set here.
   */
  async apply(
    tx: RequestContext,
    contract: Contract,
    event: ContractEvent,
    patch: Partial<Contract> = {},
    details: ContractNoticeDetails = {},
    notify = true,
  ): Promise<Contract> {
    const change = { ...patch, state: contractMachine.next(contract.state, event) };
    const result = await tx
      .repo(Contract)
      .createQueryBuilder()
      .update()
      // terms is a JSON document: TypeORM's deep-partial type would read it as a nested entity.
      .set(change as never)
      .where('id = :id AND version = :version', { id: contract.id, version: contract.version })
      .execute();
    if (result.affected !== 1) throw new StaleVersionError('Contract');
    // Signatures and agreements are audited with who acted; the other events here.
    if (event !== 'sign' && event !== 'agreeCancellation') {
      tx.audit({
        action: `contract.${event}`,
        subjectType: 'Contract',
        subjectId: contract.id,
        before: snapshot(contract),
        after: { ...snapshot({ ...contract, ...change }), ...(event === 'void' ? { judgmentId: patch.voidJudgmentId } : {}) },
      });
    }
    const moved = await tx.repo(Contract).findOneByOrFail({ id: contract.id });
    if (notify) await this.notices.contractMoved(tx, contract, moved, event, details);
    // The notarized contract's document, in both languages, with the event that makes it one.
    if (event === 'notarize') await this.documents.issue(tx, DocumentKind.NOTARIZED_CONTRACT, moved.id);
    return moved;
  }
}
