import { InvalidTransitionError } from '../errors/domain-error';
import { defineMessages } from '../i18n/messages';
import { Lifecycle, LIFECYCLES } from './lifecycle';

const DOOR = defineMessages('test.door', {
  notOpened: { ar: 'لا يُفتح باب في الحالة {from}.', en: 'A {from} door is not opened.' },
  noHandle: { ar: 'لا مقبض للباب.', en: 'The door has no handle.' },
});

type S = 'OPEN' | 'SHUT' | 'GONE';
const door = new Lifecycle<S, 'shut' | 'open' | 'knock' | 'remove', { handle?: boolean }>({
  name: 'Door',
  nameAr: 'الباب',
  auditPrefix: 'door',
  description: 'A door, for the engine’s own tests.',
  states: ['OPEN', 'SHUT', 'GONE'],
  initial: ['OPEN'],
  final: ['GONE'],
  transitions: {
    shut: { from: ['OPEN'], to: 'SHUT' },
    open: {
      from: ['SHUT'],
      to: 'OPEN',
      refusal: (from) => DOOR.notOpened({ from }),
      guards: [{ name: 'has a handle', holds: (f) => !!f.handle, refusal: DOOR.noHandle() }],
    },
    knock: { from: ['SHUT'] },
    remove: { from: ['OPEN', 'SHUT'], to: 'GONE' },
  },
});

describe('lifecycle engine', () => {
  it('answers the next state, or the same one for an act that keeps it', () => {
    expect(door.next('OPEN', 'shut')).toBe('SHUT');
    expect(door.next('SHUT', 'knock')).toBe('SHUT');
    expect(door.next('SHUT', 'open', { handle: true })).toBe('OPEN');
  });

  it('refuses a move from another state with the transition’s words, or the default ones', () => {
    expect(() => door.next('OPEN', 'open', { handle: true })).toThrow(
      new InvalidTransitionError('Door', 'OPEN', 'open', DOOR.notOpened({ from: 'OPEN' })),
    );
    expect(() => door.next('GONE', 'shut')).toThrow('Door cannot shut from state GONE.');
    try {
      door.next('GONE', 'shut');
    } catch (err) {
      expect((err as InvalidTransitionError).messageIn('ar')).toBe('لا يجوز إجراء shut على الباب في الحالة GONE.');
    }
    try {
      door.next('GONE', 'knock');
    } catch (err) {
      expect((err as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
      expect((err as InvalidTransitionError).details).toEqual({ machine: 'Door', from: 'GONE', event: 'knock' });
    }
  });

  it('checks the state before the guards, then each guard with its refusal', () => {
    expect(() => door.next('SHUT', 'open', {})).toThrow('The door has no handle.');
    expect(door.can('SHUT', 'open', {})).toBe(false);
    expect(door.can('SHUT', 'open', { handle: true })).toBe(true);
  });

  it('knows its events, reachable states and final states', () => {
    expect(door.eventsFrom('SHUT').sort()).toEqual(['knock', 'open', 'remove']);
    expect([...door.reachable()].sort()).toEqual(['GONE', 'OPEN', 'SHUT']);
    expect(door.finalStates()).toEqual(['GONE']);
    expect(LIFECYCLES).toContain(door);
  });
});

describe('lifecycle engine without facts', () => {
  it('judges a guard on an empty set of facts, and refuses when the guard needs one', () => {
    expect(() => door.next('SHUT', 'open')).toThrow('The door has no handle.');
    expect(door.can('SHUT', 'open')).toBe(false);
  });
});
