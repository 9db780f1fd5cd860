/**
 * The repository's knowledge lives in docs/: code and docs cite docs/domain.md, docs/api.md,
 * docs/operations.md or docs/architecture.md, never reference texts kept outside the repository,
 * and every relative link in the Markdown leads to a file (and heading) that exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/** What a repository file may not cite: texts outside the repository. Built here so this file does not cite them itself. */
const OUTSIDE_TEXTS = ['DESIGN', 'API', 'TOOLCHAIN', 'CONVENTIONS', 'EXAMPLES'].map((name) => `${name}.md`);
const OUTSIDE_CITATION = new RegExp(`\\b(?:${OUTSIDE_TEXTS.map((t) => t.replace('.', '\\.')).join('|')})\\b`, 'g');

/** Where code and docs live; generated and ignored files (node_modules, dist, var, bench data) are not walked. */
const CHECKED = ['src', 'test', 'bench', 'scripts', 'migrations', 'templates', 'docs', 'README.md'];
const NOT_WALKED = new Set(['node_modules', 'dist', 'dist-bench', 'var', 'coverage', 'data']);

/** The repository's files under `paths`: tracked or new (git's view, ignores honoured), else a walk of the tree. */
function repositoryFiles(paths: string[]): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', ...paths], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out
      .split('\0')
      .filter(Boolean)
      .filter((f) => existsSync(join(ROOT, f)));
  } catch {
    const walk = (path: string): string[] => {
      const full = join(ROOT, path);
      if (!existsSync(full)) return [];
      if (!statSync(full).isDirectory()) return [path];
      return readdirSync(full)
        .filter((name) => !NOT_WALKED.has(name))
        .flatMap((name) => walk(join(path, name)));
    };
    return paths.flatMap(walk);
  }
}

function readText(file: string): string | null {
  const bytes = readFileSync(join(ROOT, file));
  return bytes.subarray(0, 8000).includes(0) ? null : bytes.toString('utf8');
}

/** "file:line: text" for each citation of an outside text. */
function outsideCitations(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (line.match(OUTSIDE_CITATION) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const match of withoutCode(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = anchorOf(match[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

/**
 * "file: target" for each relative link of `markdown` (inline `[text](target)`, images, and
 * reference definitions `[label]: target`) whose file, or whose heading in a Markdown file, does not
 * exist. `read` gives another file's text (for its headings), or null when it does not exist.
 */
function brokenLinks(file: string, markdown: string, read: (path: string) => string | null): string[] {
  const prose = withoutCode(markdown);
  const targets = [
    ...[...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]),
  ];
  const broken: string[] = [];
  for (const target of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [pathPart, anchor] = target.split('#', 2);
    const path = decodeURIComponent(pathPart.split('?')[0]);
    const linked = path ? join(dirname(file), path) : file;
    const text = path ? read(linked) : markdown;
    if (text === null) {
      broken.push(`${file}: ${target} (no such file)`);
    } else if (anchor && linked.endsWith('.md') && !anchorsOf(text).has(decodeURIComponent(anchor).toLowerCase())) {
      broken.push(`${file}: ${target} (no such heading)`);
    }
  }
  return broken;
}

function readRepositoryPath(path: string): string | null {
  const full = join(ROOT, path);
  if (!existsSync(full)) return null;
  return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
}

describe('references in code and docs', () => {
  const files = repositoryFiles(CHECKED);

  it('finds the files it checks', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'src/main.ts']));
  });

  it('cites no text kept outside the repository', () => {
    const found = files.flatMap((file) => {
      const text = readText(file);
      return text === null ? [] : outsideCitations(file, text);
    });
    expect(found).toEqual([]);
  });

  it('has no relative link in docs/ or the README that leads nowhere', () => {
    const markdown = files.filter((f) => f === 'README.md' || (f.startsWith('docs/') && f.endsWith('.md')));
    expect(markdown.length).toBeGreaterThan(1);
    const found = markdown.flatMap((file) => brokenLinks(file, readFileSync(join(ROOT, file), 'utf8'), readRepositoryPath));
    expect(found).toEqual([]);
  });

  describe('the checks themselves', () => {
    it('flag a citation of each outside text, in code or prose', () => {
      for (const name of OUTSIDE_TEXTS) {
        expect(outsideCitations('src/x.ts', `// see ${name} for why`)).toEqual([`src/x.ts:1: // see ${name} for why`]);
        expect(outsideCitations('docs/x.md', `as ${name}, "Users and roles", says`)).toHaveLength(1);
      }
      expect(outsideCitations('src/x.ts', '// see docs/api.md and docs/domain.md')).toEqual([]);
    });

    it('flag a link to a missing file or heading, and pass good ones', () => {
      const files: Record<string, string> = { 'docs/a.md': '# A page\n\n## Two words\n', 'README.md': '# Adl\n' };
      const read = (p: string) => files[p] ?? null;
      const page = [
        '[ok](a.md) [ok](a.md#two-words) [ok](../README.md#adl) [ok](#here) [web](https://example.org/x)',
        '[gone](b.md) [gone](a.md#three) ![gone](img/x.png)',
        '[ref]: ../missing.md',
        '`[not a link](nowhere.md)`',
        '```\n[not a link](nowhere.md)\n```',
        '## Here',
      ].join('\n');
      expect(brokenLinks('docs/index.md', page, read)).toEqual([
        'docs/index.md: b.md (no such file)',
        'docs/index.md: a.md#three (no such heading)',
        'docs/index.md: img/x.png (no such file)',
        'docs/index.md: ../missing.md (no such file)',
      ]);
    });

    it('make anchors as GitHub does', () => {
      expect(anchorOf('Lawyers and agents in lawsuits')).toBe('lawyers-and-agents-in-lawsuits');
      expect(anchorOf('Judgments, objections and execution')).toBe('judgments-objections-and-execution');
      expect(anchorOf('Adl — عدل')).toBe('adl--عدل');
      expect(anchorOf('`npm run seed`')).toBe('npm-run-seed');
    });
  });
});
