/**
 * The part of the layering that an import graph cannot see: a wing's tables and repositories are
 * its own. No file names another wing's table in SQL or opens a repository of another wing's
 * entity; core and access name no wing's table at all (the access layer's SQL filters receive
 * their SQL from the wings). The import rules themselves are in .dependency-cruiser.cjs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');

/** Tables no entity declares, and who owns them. */
const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  audit_chain_head: 'audit',
  calendar_feeds: 'litigation',
  case_number_counters: 'litigation',
  outbox: 'notifications',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** core, access, a wing's name, or null for the compositions (src/*.ts, src/seed). */
export function placeOf(file: string): string | null {
  const [first, ...rest] = relative(SRC, file).split('/');
  return rest.length === 0 || first === 'seed' ? null : first;
}

interface Owned {
  tables: Map<string, string>;
  entities: Map<string, string>;
}

export function ownership(files: string[]): Owned {
  const tables = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  const entities = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const place = placeOf(file);
    if (!place) continue;
    for (const m of text.matchAll(/@Entity\('([a-z_]+)'[^)]*\)\s*(?:@[^\n]*\n\s*)*export class (\w+)/g)) {
      tables.set(m[1], place);
      entities.set(m[2], place);
    }
  }
  return { tables, entities };
}

/** What a file uses of other places: `table:name` for SQL, `repo:Entity` for repositories. */
export function trespasses(text: string, place: string, owned: Owned): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+"?([a-z_]+)"?/g)) {
    const owner = owned.tables.get(m[1]);
    if (owner && owner !== place) found.add(`table:${m[1]}`);
  }
  for (const m of text.matchAll(/\b(?:repo|getRepository|getMetadata|findOne|findBy|existsBy|count)\((\w+)\b/g)) {
    const owner = owned.entities.get(m[1]);
    if (owner && owner !== place) found.add(`repo:${m[1]}`);
  }
  return [...found].sort();
}

describe('architecture: each wing keeps its tables', () => {
  const files = sourceFiles(SRC);
  const owned = ownership(files);

  it('knows the owner of every table', () => {
    expect(owned.tables.get('lawsuits')).toBe('litigation');
    expect(owned.tables.get('users')).toBe('identity');
    expect(owned.entities.get('Court')).toBe('organizations');
  });

  it('finds a trespass when there is one', () => {
    expect(trespasses('SELECT 1 FROM lawsuits l JOIN users u ON u.id = l.x', 'litigation', owned)).toEqual(['table:users']);
    expect(trespasses('await tx.repo(Court).findOneBy({})', 'litigation', owned)).toEqual(['repo:Court']);
    expect(trespasses('SELECT 1 FROM courts', 'organizations', owned)).toEqual([]);
  });

  it('no file uses another wing’s tables or repositories', () => {
    const found: string[] = [];
    for (const file of files) {
      const place = placeOf(file);
      if (!place) continue;
      for (const t of trespasses(readFileSync(file, 'utf8'), place, owned)) found.push(`${relative(ROOT, file)} ${t}`);
    }
    expect(found).toEqual([]);
  });
});
