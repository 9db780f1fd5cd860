/**
 * Every message of the platform in both languages (docs/api.md, "Languages"): every error code
 * has its default text in Arabic and English, every message of every catalogue has both texts
 * with the same parameters, every class-validator constraint in use has a message, and the table
 * of codes in docs/api.md says what the code says.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { DEFAULT_MESSAGES, ERROR_CODES } from '../src/core/errors/domain-error';
import { negotiateLocale } from '../src/core/i18n/locale';
import { defineMessages, MESSAGES, placeholdersOf, render, type Bilingual } from '../src/core/i18n/messages';
import { CONSTRAINT_MESSAGES } from '../src/core/validation/constraint-messages';
import { allLifecycles } from '../src/lifecycles';

const ROOT = join(__dirname, '..');
const tracked = (pattern: RegExp): string[] =>
  execFileSync('git', ['ls-files', 'src'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => pattern.test(f) && !f.endsWith('.spec.ts'));

// Every catalogue of every wing, and every class that declares validated input.
const CATALOGUES = tracked(/-messages\.ts$/);
const INPUTS = tracked(/\.(inputs?|models?)\.ts$/);
beforeAll(async () => {
  for (const file of [...CATALOGUES, ...INPUTS]) await import(join(ROOT, file));
});

const ARABIC_LETTER = /[\u0621-\u064A]/;

function problemsOf(key: string, texts: Bilingual): string[] {
  const out: string[] = [];
  if (!texts.ar?.trim()) out.push(`${key}: no Arabic text`);
  if (!texts.en?.trim()) out.push(`${key}: no English text`);
  if (texts.ar && !ARABIC_LETTER.test(texts.ar)) out.push(`${key}: the Arabic text has no Arabic letter`);
  if (texts.en && ARABIC_LETTER.test(texts.en)) out.push(`${key}: the English text has Arabic letters`);
  const [ar, en] = [placeholdersOf(texts.ar ?? ''), placeholdersOf(texts.en ?? '')];
  if (ar.join() !== en.join()) out.push(`${key}: parameters differ (ar: ${ar.join(', ')}; en: ${en.join(', ')})`);
  return out;
}

describe('messages in Arabic and English', () => {
  it('has a default message for every error code, in both languages', () => {
    for (const code of [...ERROR_CODES, 'INTERNAL_SERVER_ERROR'] as const) {
      const text = DEFAULT_MESSAGES[code];
      expect(problemsOf(code, text.texts)).toEqual([]);
      expect(render(text, 'ar')).not.toMatch(/[{}]/);
      expect(render(text, 'en')).not.toMatch(/[{}]/);
    }
  });

  it('loads a catalogue from every wing and core', () => {
    expect(CATALOGUES.length).toBeGreaterThanOrEqual(9);
    const namespaces = new Set([...MESSAGES.keys()].map((k) => k.split('.')[0]));
    for (const ns of [
      'error',
      'field',
      'access',
      'identity',
      'litigation',
      'notarization',
      'organizations',
      'documents',
      'notifications',
      'statistics',
    ]) {
      expect(namespaces).toContain(ns);
    }
  });

  it('gives every message of every catalogue both texts, Arabic in Arabic, with the same parameters', () => {
    const problems = [...MESSAGES].flatMap(([key, texts]) => problemsOf(key, texts));
    expect(problems).toEqual([]);
    expect(MESSAGES.size).toBeGreaterThan(150);
  });

  it('finds a message with a missing or empty text, or parameters that differ', () => {
    expect(problemsOf('x', { ar: '', en: 'Hello' })).toEqual(['x: no Arabic text']);
    expect(problemsOf('x', { ar: 'Hello', en: 'Hello' })).toEqual(['x: the Arabic text has no Arabic letter']);
    expect(problemsOf('x', { ar: 'مرحبًا {name}', en: 'Hello {who}' })).toEqual(['x: parameters differ (ar: name; en: who)']);
  });

  it('has a message for every class-validator constraint the inputs use', () => {
    const unmapped = new Set<string>();
    let seen = 0;
    // All metadata, whatever class declared it.
    const all = (
      getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { name?: string; type: string; context?: unknown }[]> }
    ).validationMetadatas;
    for (const list of all.values()) {
      for (const meta of list) {
        seen++;
        const given = (meta.context as { text?: unknown } | undefined)?.text;
        if (meta.type === 'customValidation' && meta.name && !given && !CONSTRAINT_MESSAGES[meta.name]) unmapped.add(meta.name);
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect([...unmapped]).toEqual([]);
  });

  it('renders parameters, nested messages and pairs of texts in the asked language', () => {
    const M = defineMessages('test.render', {
      inner: { ar: 'الدعوى', en: 'the lawsuit' },
      outer: { ar: 'لم يُعثر على {what} في {court} بعد {days}.', en: '{what} was not found at {court} after {days}.' },
    });
    const text = M.outer({ what: M.inner(), court: { ar: 'المحكمة العامة', en: 'the General Court' }, days: 30 });
    expect(render(text, 'ar')).toBe('لم يُعثر على الدعوى في المحكمة العامة بعد 30.');
    expect(render(text, 'en')).toBe('the lawsuit was not found at the General Court after 30.');
  });

  it('lists every code with its Arabic and English text in docs/api.md', () => {
    const rows = new Map(
      readFileSync(join(ROOT, 'docs/api.md'), 'utf8')
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .filter((cells) => cells.length === 5 && /^`[A-Z_]+`$/.test(cells[1]))
        .map((cells) => [cells[1].slice(1, -1), cells.slice(2, 4)]),
    );
    for (const code of [...ERROR_CODES, 'INTERNAL_SERVER_ERROR'] as const) {
      const text = DEFAULT_MESSAGES[code];
      expect([code, rows.get(code)]).toEqual([code, [render(text, 'ar'), render(text, 'en')]]);
    }
  });
});

describe('the words of the lifecycles', () => {
  it('names every lifecycle in Arabic for its default refusal', () => {
    for (const lifecycle of allLifecycles())
      expect([lifecycle.name, ARABIC_LETTER.test(lifecycle.spec.nameAr)]).toEqual([lifecycle.name, true]);
  });
});

describe('the language of a request', () => {
  it.each([
    [undefined, 'ar'],
    ['', 'ar'],
    ['ar', 'ar'],
    ['ar-SA', 'ar'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr', 'ar'],
    ['fr, en;q=0.5', 'en'],
    ['en;q=0.4, ar;q=0.8', 'ar'],
    ['*', 'ar'],
  ])('Accept-Language %p answers %p', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
