/**
 * Every lifecycle of the application, and docs/lifecycles.md written from them
 * (`npm run build && npm run docs:lifecycles`; a test fails while the file is stale).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLES, type Lifecycle } from './core/lifecycle/lifecycle';
import { repositoryRoot } from './repository-root';
// Each module declares its lifecycle when loaded.
import './documents/document-state-machine';
import './litigation/hearings/hearing-state-machine';
import './litigation/lawsuits/lawsuit-state-machine';
import './litigation/pleadings/waiver-lifecycle';
import './litigation/settlements/settlement-lifecycle';
import './notarization/contracts/contract-state-machine';
import './notarization/powers-of-attorney/poa-state-machine';
import './notifications/delivery-state-machine';
import './payments/bill-state-machine';

export function allLifecycles(): readonly Lifecycle<string, string, never>[] {
  return LIFECYCLES;
}

/** docs/lifecycles.md: per lifecycle, a state diagram and the table of its transitions. */
export function renderLifecycles(): string {
  const out = [
    '# Lifecycles',
    '',
    '<!-- Generated from the lifecycles in src/ by `npm run docs:lifecycles`; edit those, not this file. -->',
    '',
    'Every state change of the platform goes through one of these lifecycles (src/core/lifecycle): a move',
    'not in the table, or whose guard fails, is refused with `INVALID_TRANSITION` and the words below.',
    'An event without a target state is an act that keeps the state.',
    '',
  ];
  for (const lifecycle of LIFECYCLES) {
    const { spec } = lifecycle;
    out.push(`## ${spec.name}`, '', spec.description, '');
    out.push(`Starts in ${list(spec.initial)}; ends in ${list(spec.final)}.`, '');
    out.push('```mermaid', 'stateDiagram-v2');
    for (const s of spec.initial) out.push(`  [*] --> ${s}`);
    for (const event of lifecycle.events()) {
      const t = spec.transitions[event];
      for (const from of t.from) out.push(`  ${from} --> ${t.to ?? from}: ${event}`);
    }
    for (const s of spec.final) out.push(`  ${s} --> [*]`);
    out.push('```', '');
    out.push('| event | from | to | ability | guards | effects |', '| --- | --- | --- | --- | --- | --- |');
    for (const event of lifecycle.events()) {
      const t = spec.transitions[event];
      const guards = (t.guards ?? []).map((g) => g.name).join('; ');
      out.push(
        `| ${event} | ${t.from.join(', ')} | ${t.to ?? '(stays)'} | ${t.ability ?? ''} | ${guards} | ${(t.effects ?? []).join('; ')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function list(states: readonly string[]): string {
  return states.map((s) => `\`${s}\``).join(', ');
}

/** docs/lifecycles.md at the repository root (the nearest folder up with a package.json). */
export function lifecyclesDocPath(from: string = __dirname): string {
  return join(repositoryRoot(from), 'docs', 'lifecycles.md');
}

if (require.main === module) {
  const file = lifecyclesDocPath();
  writeFileSync(file, renderLifecycles());
  process.stdout.write(`lifecycles written to ${file}\n`);
}
