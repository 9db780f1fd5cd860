import { InvalidTransitionError } from '../../core/errors/domain-error';
import { contractMachine, ContractState } from './contract-state-machine';

describe('contract state machine', () => {
  it('goes from draft through signatures to notarized, then cancelled or voided', () => {
    expect(contractMachine.next(ContractState.DRAFT, 'submit')).toBe(ContractState.AWAITING_SIGNATURES);
    expect(contractMachine.next(ContractState.AWAITING_SIGNATURES, 'sign', { partiesToAct: 1 })).toBe(ContractState.AWAITING_SIGNATURES);
    expect(contractMachine.next(ContractState.AWAITING_SIGNATURES, 'notarize', { unsignedPartyIds: [] })).toBe(ContractState.NOTARIZED);
    expect(contractMachine.next(ContractState.NOTARIZED, 'cancel')).toBe(ContractState.CANCELLED);
    expect(contractMachine.next(ContractState.NOTARIZED, 'void')).toBe(ContractState.VOIDED);
  });

  it('sends an amended contract back to draft, and freezes a notarized one', () => {
    expect(contractMachine.next(ContractState.AWAITING_SIGNATURES, 'amend')).toBe(ContractState.DRAFT);
    expect(() => contractMachine.next(ContractState.NOTARIZED, 'amend')).toThrow(InvalidTransitionError);
    expect(() => contractMachine.next(ContractState.DRAFT, 'notarize')).toThrow(InvalidTransitionError);
    expect(() => contractMachine.next(ContractState.CANCELLED, 'void')).toThrow(InvalidTransitionError);
    expect(contractMachine.eventsFrom(ContractState.VOIDED)).toEqual([]);
  });

  it('notarizes only once every party has signed, naming the parties still to sign', () => {
    const refusal = (() => {
      try {
        contractMachine.next(ContractState.AWAITING_SIGNATURES, 'notarize', { unsignedPartyIds: ['p1', 'p2'] });
      } catch (err) {
        return err as InvalidTransitionError;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidTransitionError);
    expect(refusal!.message).toBe('2 party(ies) have not signed yet.');
    expect(refusal!.details).toMatchObject({ guard: 'everyPartySigned', unsignedPartyIds: ['p1', 'p2'] });
    // Facts not gathered are no proof that everyone signed.
    expect(() => contractMachine.next(ContractState.AWAITING_SIGNATURES, 'notarize')).toThrow(InvalidTransitionError);
  });

  it('lets a party sign, or agree to cancel, once', () => {
    expect(() => contractMachine.next(ContractState.AWAITING_SIGNATURES, 'sign', { partiesToAct: 0 })).toThrow(
      'This party has already signed.',
    );
    expect(() => contractMachine.next(ContractState.NOTARIZED, 'agreeCancellation', { partiesToAct: 0 })).toThrow(
      'This party has already agreed to cancel.',
    );
    expect(contractMachine.next(ContractState.NOTARIZED, 'agreeCancellation', { partiesToAct: 2 })).toBe(ContractState.NOTARIZED);
  });
});
