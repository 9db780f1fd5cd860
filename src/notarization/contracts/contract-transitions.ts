/**
 * A contract row as every act takes it: what the contract rules look at (its shape), the row
 * locked, locked only if the caller may read it, and moved through one event of the state machine
 * (the one place its state is set) with the optimistic version check, its audit event, its notices
 * and, on notarization, its document. Runs inside the caller's transaction.
 */
import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { AccessShapes } from '../../access/ability.types';
import { can } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { NotFoundError } from '../../core/errors/domain-error';
import { run } from '../../core/lifecycle/lifecycle';
import { versionedStore } from '../../core/lifecycle/versioned-store';
import { DocumentKind, DocumentsService } from '../../documents';
import { ContractNotices, ContractNoticeDetails } from './contract-notices';
import { ContractSubject } from '../notarization.subjects';
import { ContractEvent, type ContractFacts, contractMachine, ContractState } from './contract-state-machine';
import { ContractSignature } from './contract-signature.entity';
import { Contract } from './contract.entity';
import { NOTARIZATION } from '../notarization-messages';

export type ContractShape = AccessShapes['Contract'];

/** One move of a contract: its changes, the guards' facts, what the audit adds, what the notices need. */
export interface ContractMove {
  patch?: Partial<Contract>;
  facts?: ContractFacts;
  audit?: Record<string, unknown>;
  details?: ContractNoticeDetails;
  /** False when the caller notifies itself (a contract's amendment tells who signed what). */
  notify?: boolean;
}

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
    if (!contract) throw new NotFoundError(NOTARIZATION.contractNotFound());
    return contract;
  }

  /** The row locked; NOT_FOUND unless the caller may read it. */
  async lockReadable(tx: RequestContext, id: string): Promise<Contract> {
    const contract = await this.lock(tx, id);
    if (!can(tx, 'read', 'Contract', await contractShape(tx, contract))) throw new NotFoundError(NOTARIZATION.contractNotFound());
    return contract;
  }

  /**
   * Moves a contract, locked and authorized by the caller, through one event of its lifecycle
   * (the engine: the state, the guards over `facts`, the write at the version read, the audit
   * event with `audit` beside the snapshots), then notifies its people and, on notarization,
   * issues its document. The state is only ever set here.
   */
  apply(tx: RequestContext, contract: Contract, event: ContractEvent, move: ContractMove = {}): Promise<Contract> {
    return run(tx, contractMachine, this.store, contract, event, {
      patch: move.patch,
      facts: move.facts,
      audit: move.audit,
      effects: async (moved) => {
        if (move.notify !== false) await this.notices.contractMoved(tx, contract, moved, event, move.details ?? {});
        // The notarized contract's document, in both languages, with the event that makes it one.
        if (event === 'notarize') await this.documents.issue(tx, DocumentKind.NOTARIZED_CONTRACT, moved.id);
      },
    });
  }

  /** Marks every signature still valid as given to terms that no longer hold (an amendment, a lapsed fee); answers how many. */
  async invalidateSignatures(tx: RequestContext, contractId: string): Promise<number> {
    const result = await tx.repo(ContractSignature).update({ contractId, invalidatedAt: IsNull() }, { invalidatedAt: tx.now() });
    return result.affected ?? 0;
  }

  private readonly store = versionedStore<Contract, ContractState>(Contract, 'Contract', snapshot);
}
