/**
 * The portal's catalogues (docs/portal.md, "Languages"): every page's Arabic and English say the
 * same things. English has each Arabic key (less the plural forms only Arabic uses), each Arabic
 * plural family all six CLDR forms and each English one `one` and `other`, the same placeholders on
 * both sides, no empty message, and Arabic text in the Arabic catalogue.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A catalogue as web/src/i18n/i18n.ts defines it (read at run time: the portal's sources are not in this program). */
interface Messages<A> {
  ns: string;
  ar: A;
  en: Partial<A>;
}

const WEB = path.join(__dirname, '..', 'web', 'src');
const AR_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const EN_FORMS = ['one', 'other'];
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'gql' ? [] : files(full);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every catalogue the portal defines: the exports of its modules that carry `ns`, `ar` and `en`. */
function catalogues(): { file: string; m: Messages<Record<string, string>> }[] {
  const found: { file: string; m: Messages<Record<string, string>> }[] = [];
  for (const file of files(WEB).filter((f) => /(messages|common|states)\.ts$/.test(f) || f.includes(`${path.sep}i18n${path.sep}`))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const m = value as Messages<Record<string, string>>;
      if (m && typeof m === 'object' && typeof m.ns === 'string' && m.ar && m.en) found.push({ file: path.relative(WEB, file), m });
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const families = (keys: string[]) => {
  const map = new Map<string, string[]>();
  for (const key of keys) {
    const match = PLURAL.exec(key);
    if (match) map.set(match[1], [...(map.get(match[1]) ?? []), match[2]]);
  }
  return map;
};

describe('the portal catalogues', () => {
  const all = catalogues();

  it('are found, each under a namespace of its own', () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
    const names = all.map((c) => c.m.ns);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(all.map((c) => [c.m.ns, c] as const))('%s: English says what Arabic says', (_ns, { m }) => {
    const arKeys = Object.keys(m.ar);
    const enKeys = Object.keys(m.en);
    const expected = arKeys.filter((k) => !/_(zero|two|few|many)$/.test(k)).sort();
    expect(enKeys.sort()).toEqual(expected);
    for (const [base, forms] of families(arKeys)) expect([base, forms.sort()]).toEqual([base, [...AR_FORMS].sort()]);
    for (const [base, forms] of families(enKeys)) expect([base, forms.sort()]).toEqual([base, [...EN_FORMS].sort()]);
    for (const key of enKeys) {
      const en = (m.en as Record<string, string>)[key];
      const ar = m.ar[key];
      expect([key, en.trim().length > 0, ar.trim().length > 0]).toEqual([key, true, true]);
      // A plural form may leave the number out ("يومان", "one day"): a family is compared as a whole.
      const family = PLURAL.exec(key)?.[1];
      const of = (catalogue: Record<string, string>) =>
        family
          ? [
              ...new Set(
                Object.keys(catalogue)
                  .filter((k) => PLURAL.exec(k)?.[1] === family)
                  .flatMap((k) => placeholders(catalogue[k])),
              ),
            ].sort()
          : placeholders(catalogue[key]);
      expect([key, of(m.en as Record<string, string>)]).toEqual([key, of(m.ar)]);
    }
    for (const key of arKeys) {
      const ar = m.ar[key].replace(/{{\s*\w+\s*}}/g, '');
      // Arabic unless it is a name of the other language (the switch to English) or has no letters at all.
      if (/[A-Za-z]/.test(ar) && !/[\u0600-\u06FF]/.test(ar)) expect(['switchLanguage', 'switchLanguageLabel']).toContain(key);
    }
  });
});
