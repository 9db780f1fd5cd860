/**
 * Walks every lifecycle's data: each state can be reached from where a subject starts, the
 * states that end it are exactly those with no way out (so no other state is a dead end), every
 * transition names declared states, and docs/lifecycles.md is what the data says.
 */
import { readFileSync } from 'node:fs';
import { allLifecycles, lifecyclesDocPath, renderLifecycles } from '../src/lifecycles';

describe('lifecycles', () => {
  const lifecycles = allLifecycles();

  it('are all declared', () => {
    expect(lifecycles.map((l) => l.name).sort()).toEqual(
      ['Bill', 'ClaimWaiver', 'Contract', 'Document', 'Hearing', 'Lawsuit', 'NotificationDelivery', 'PowerOfAttorney'].sort(),
    );
  });

  it.each(lifecycles.map((l) => [l.name, l] as const))('%s: every state is reachable from a starting state', (_name, lifecycle) => {
    expect([...lifecycle.reachable()].sort()).toEqual([...lifecycle.spec.states].sort());
  });

  it.each(lifecycles.map((l) => [l.name, l] as const))('%s: only its final states have no way out', (_name, lifecycle) => {
    expect(lifecycle.finalStates().sort()).toEqual([...lifecycle.spec.final].sort());
  });

  it.each(lifecycles.map((l) => [l.name, l] as const))('%s: transitions name declared states', (_name, lifecycle) => {
    const states = new Set<string>(lifecycle.spec.states);
    for (const event of lifecycle.events()) {
      const t = lifecycle.spec.transitions[event];
      for (const s of [...t.from, ...(t.to ? [t.to] : [])]) expect(states.has(s) ? s : `${event}: ${s}`).toBe(s);
    }
  });

  it('docs/lifecycles.md is up to date (npm run build && npm run docs:lifecycles)', () => {
    expect(readFileSync(lifecyclesDocPath(), 'utf8')).toBe(renderLifecycles());
  });
});
