/**
 * Notarization: a notary of the office notarizes a contract once every party has signed it and its
 * notary fee is paid (contract-fees.ts). The contract then gets its verification code (derived,
 * only its hash stored) and its document.
 */
import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { authorize } from '../../access/authorize';
import type { RequestContext } from '../../access/context/request-context';
import { ADL_CONFIG, type AdlConfig } from '../../core/config/config';
import { Transactions } from '../../core/database/transactions';
import { ContractFees } from './contract-fees';
import { ContractParty } from './contract-party.entity';
import { contractMachine } from './contract-state-machine';
import { ContractSignature } from './contract-signature.entity';
import { contractShape, ContractTransitions } from './contract-transitions';
import { verificationCode, verificationHash } from './contract-verification';
import { Contract } from './contract.entity';
import { SignaturePurpose } from './contract.enums';

@Injectable()
export class ContractNotarization {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ContractTransitions,
    private readonly fees: ContractFees,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  /** A notary of the office notarizes a contract every party has signed. */
  notarize(ctx: RequestContext, id: string): Promise<Contract> {
    return this.tx.run(ctx, async (tx) => {
      const contract = await this.transitions.lockReadable(tx, id);
      authorize(tx, 'notarize', 'Contract', await contractShape(tx, contract));
      const unsigned = await unsignedParties(tx, contract.id);
      const facts = { unsignedPartyIds: unsigned.map((p) => p.id) };
      // The state and the signatures first (INVALID_TRANSITION), then the fee (PAYMENT_REQUIRED).
      contractMachine.next(contract.state, 'notarize', facts);
      await this.fees.requirePaid(tx, contract);
      const code = verificationCode(this.config.secretsKey, contract.id);
      return this.transitions.apply(tx, contract, 'notarize', {
        patch: { notarizedAt: tx.now(), notarizedBy: tx.actor!.id, verificationHash: verificationHash(code) },
        facts,
        details: { verificationCode: code },
      });
    });
  }
}

/** Parties without a valid signature. */
async function unsignedParties(tx: RequestContext, contractId: string): Promise<ContractParty[]> {
  const parties = await tx.repo(ContractParty).find({ where: { contractId } });
  const signed = new Set(
    (await tx.repo(ContractSignature).find({ where: { contractId, purpose: SignaturePurpose.SIGN, invalidatedAt: IsNull() } })).map(
      (s) => s.partyId,
    ),
  );
  return parties.filter((p) => !signed.has(p.id));
}
