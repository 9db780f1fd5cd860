/**
 * bench/RESULTS.md: each benchmark rewrites its own section — from its heading up to the next
 * heading of the same or a higher level, code fences skipped — and leaves the rest as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function upsertSection(document: string, heading: string, section: string): string {
  const lines = document.split('\n');
  let inFence = false;
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (start === -1 && line.trim() === heading) start = i;
    else if (start !== -1 && /^#{1,2} /.test(line)) {
      end = i;
      break;
    }
  }
  if (start === -1) return `${document.trimEnd()}\n\n${section}`;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before ? `${before.trimEnd()}\n\n` : ''}${section}${after ? `\n${after}` : ''}`;
}

/** Writes `section` (which starts with `heading`) into bench/RESULTS.md, formatted as the repository's Prettier writes it. */
export function writeResults(root: string, heading: string, section: string): string {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nEach section is rewritten by the command named in it; the others are left as they are.\n';
  writeFileSync(file, upsertSection(current, heading, section));
  // npm run lint checks the file's format.
  execFileSync(path.join(root, 'node_modules', '.bin', 'prettier'), ['--write', file], { stdio: 'ignore' });
  return file;
}
