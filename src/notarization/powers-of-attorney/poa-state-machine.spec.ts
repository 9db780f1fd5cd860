import { effectiveState, poaMachine } from './poa-state-machine';
import { PoaState } from './poa.enums';

describe('power of attorney lifecycle', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('derives EXPIRED from the end of validity before any sweep', () => {
    expect(effectiveState({ state: PoaState.ACTIVE, validTo: new Date('2026-11-23T11:59:59Z'), confirmBy: null }, now)).toBe(
      PoaState.EXPIRED,
    );
    expect(effectiveState({ state: PoaState.ACTIVE, validTo: new Date('2026-11-23T12:00:01Z'), confirmBy: null }, now)).toBe(
      PoaState.ACTIVE,
    );
  });

  it('derives LAPSED for a draft whose confirmation window closed', () => {
    const validTo = new Date('2027-01-01T00:00:00Z');
    expect(effectiveState({ state: PoaState.DRAFT, validTo, confirmBy: new Date('2026-11-23T11:00:00Z') }, now)).toBe(PoaState.LAPSED);
    expect(effectiveState({ state: PoaState.DRAFT, validTo, confirmBy: new Date('2026-11-23T13:00:00Z') }, now)).toBe(PoaState.DRAFT);
  });

  it('keeps persisted end states', () => {
    expect(effectiveState({ state: PoaState.REVOKED, validTo: new Date('2030-01-01'), confirmBy: null }, now)).toBe(PoaState.REVOKED);
  });

  it('revokes only an active power of attorney and confirms only a draft', () => {
    expect(poaMachine.next(PoaState.ACTIVE, 'revoke')).toBe(PoaState.REVOKED);
    expect(() => poaMachine.next(PoaState.REVOKED, 'revoke')).toThrow(/cannot revoke/);
    expect(() => poaMachine.next(PoaState.ACTIVE, 'confirm')).toThrow(/cannot confirm/);
    expect(poaMachine.next(PoaState.DRAFT, 'lapse')).toBe(PoaState.LAPSED);
  });
});
