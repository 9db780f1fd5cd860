/**
 * Small files: no source file of the repository (code, tests, benchmarks, migrations, scripts) is
 * longer than 400 lines. A file that grows past it is split by meaning, not trimmed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const LIMIT = 400;
const SOURCE = /\.(ts|tsx|js|cjs|mjs)$/;

/** The tracked source files, as git lists them (what a clone holds; nothing built or installed). */
function trackedSources(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => SOURCE.test(f));
}

export function overLimit(files: string[], read: (file: string) => string): string[] {
  return files
    .map((file) => ({ file, lines: read(file).split('\n').length - (read(file).endsWith('\n') ? 1 : 0) }))
    .filter((f) => f.lines > LIMIT)
    .map((f) => `${f.file}: ${f.lines} lines`);
}

describe('small files', () => {
  it('finds a file over the limit when there is one', () => {
    expect(overLimit(['long.ts', 'short.ts'], (f) => (f === 'long.ts' ? 'x\n'.repeat(LIMIT + 1) : 'x\n'.repeat(LIMIT)))).toEqual([
      `long.ts: ${LIMIT + 1} lines`,
    ]);
  });

  it(`no source file is over ${LIMIT} lines`, () => {
    expect(overLimit(trackedSources(), (f) => readFileSync(join(ROOT, f), 'utf8'))).toEqual([]);
  });
});
