import { InvalidTransitionError } from '../../core/errors/domain-error';
import { contractMachine, ContractState } from './contract-state-machine';

describe('contract state machine', () => {
  it('goes from draft through signatures to notarized, then cancelled or voided', () => {
    expect(contractMachine.next(ContractState.DRAFT, 'submit')).toBe(ContractState.AWAITING_SIGNATURES);
    expect(contractMachine.next(ContractState.AWAITING_SIGNATURES, 'sign')).toBe(ContractState.AWAITING_SIGNATURES);
    expect(contractMachine.next(ContractState.AWAITING_SIGNATURES, 'notarize')).toBe(ContractState.NOTARIZED);
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
});
