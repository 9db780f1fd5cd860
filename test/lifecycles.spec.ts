/**
 * Walks every lifecycle's data: each state can be reached from where a subject starts, the
 * states that end it are exactly those with no way out (so no other state is a dead end), every
 * transition names declared states, every way out is taken by some use case of its wing (a
 * transition nothing fires is a dead end in practice), and docs/lifecycles.md is what the data says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allLifecycles, lifecyclesDocPath, renderLifecycles } from '../src/lifecycles';

describe('lifecycles', () => {
  const lifecycles = allLifecycles();

  it('are all declared', () => {
    expect(lifecycles.map((l) => l.name).sort()).toEqual(
      ['Bill', 'ClaimWaiver', 'Contract', 'Document', 'Hearing', 'Lawsuit', 'NotificationDelivery', 'PowerOfAttorney', 'Settlement'].sort(),
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

  describe('every event is fired by a use case of its wing', () => {
    const SRC = resolve(__dirname, '../src');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = join(dir, name);
        return statSync(full).isDirectory() ? walk(full) : full.endsWith('.ts') && !full.endsWith('.spec.ts') ? [full] : [];
      });
    const files = walk(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    // The file that declares a lifecycle, and its wing: the first folder under src/.
    const declaring = (name: string) => files.find((f) => /new Lifecycle</.test(f.text) && f.text.includes(`name: '${name}'`))!;

    it.each(lifecycles.map((l) => [l.name, l] as const))('%s', (name, lifecycle) => {
      const home = declaring(name);
      const wing = join(SRC, home.path.slice(SRC.length + 1).split('/')[0]);
      const users = files.filter((f) => f.path.startsWith(wing) && f.path !== home.path);
      const unfired = lifecycle.events().filter((event) => !users.some((f) => f.text.includes(`'${event}'`)));
      expect(unfired).toEqual([]);
    });
  });

  it('docs/lifecycles.md is up to date (npm run build && npm run docs:lifecycles)', () => {
    expect(readFileSync(lifecyclesDocPath(), 'utf8')).toBe(renderLifecycles());
  });
});
