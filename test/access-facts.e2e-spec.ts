/**
 * The access facts, proved on the database. Each subject's wing defines every field its rules
 * may name once, with an SQL reading for lists and a value for one record (access/subjects.ts);
 * here, over every record in the database (the fixture's and whatever else is there):
 * - each fact reads the same in SQL as for one record, for every value seen and one never seen,
 *   with each operator the list filter knows;
 * - for every actor (each seeded role and the people of the fixture: a lawyer acting for a
 *   client, an agent whose power of attorney was revoked, judges presiding and not over a sealed
 *   case, staff of two organizations…) and every action and subject their rules name, the list
 *   filter returns exactly the records the check allows.
 * Rules and facts are read from the ability factory and the subject definitions, so a new rule,
 * actor input or fact is covered without touching this file.
 */
import { randomUUID } from 'node:crypto';
import { createMongoAbility, subject as asSubject } from '@casl/ability';
import type { Condition, FieldCondition } from '@ucast/mongo2js';
import { DataSource } from 'typeorm';
import { AbilityFactory } from '../src/access/ability.factory';
import { ACTIONS, Action, AppAbility, SUBJECTS, SubjectType } from '../src/access/ability.types';
import type { Actor } from '../src/access/actor';
import { RequestContextFactory } from '../src/access/context/request-context.factory';
import type { RequestContext } from '../src/access/context/request-context';
import { accessibleCondition } from '../src/access/sql-filter';
import { definedSubjects, Subject, subjectOf } from '../src/access/subjects';
import { ActorLoader } from '../src/identity/actor-loader';
import { SEED_ADMIN, SEED_USERS } from '../src/seed/seed-data';
import { AccessPeople, buildAccessFixture } from './factories/access-fixture';
import { startApp, TestApp } from './harness';

interface Stored {
  id: string;
  shape: Record<string, unknown>;
}

/** The most values of one fact probed one by one (spread over the sorted values seen). */
const PROBED_VALUES = 12;
const ALIAS = 'subj';

describe('access facts: every list filter returns exactly what the checks allow', () => {
  let t: TestApp;
  let ctx: RequestContext;
  let people: AccessPeople;
  const records = new Map<SubjectType, Stored[]>();
  const actors: { name: string; actor: Actor | null }[] = [];

  beforeAll(async () => {
    t = await startApp({ JWT_TTL_SECONDS: String(400 * 86_400) });
    people = await buildAccessFixture(t);
    ctx = t.app.get(RequestContextFactory).forActor('access-facts', null);
    for (const subject of definedSubjects()) records.set(subject.type, await storedRecords(ctx, subject));
    actors.push({ name: 'anonymous', actor: null });
    const seeded = [['seeded admin', SEED_ADMIN.nationalId], ...SEED_USERS.map((u) => [`seeded ${u.key}`, u.nationalId])];
    for (const [name, nid] of seeded) actors.push({ name, actor: await actorOf(t, { nationalId: nid }) });
    for (const [name, id] of Object.entries(people)) actors.push({ name, actor: await actorOf(t, { id }) });
  }, 600_000);
  afterAll(() => t.close());

  it('defines every subject a rule can name, but the statistics, which are asked about per request and stored nowhere', () => {
    expect(definedSubjects().map((s) => s.type)).toEqual(expect.arrayContaining(SUBJECTS.filter((s) => s !== 'CourtStatistics')));
    expect(() => subjectOf('CourtStatistics')).toThrow(/No definition of the subject CourtStatistics/);
  });

  it('has records in which every stored fact takes at least two values', () => {
    const flat: string[] = [];
    for (const subject of definedSubjects()) {
      for (const field of Object.keys(subject.sqlFields)) {
        const values = new Set(records.get(subject.type)!.map((r) => JSON.stringify(r.shape[field])));
        if (values.size < 2) flat.push(`${subject.type}.${field}: ${[...values].join(', ')}`);
      }
    }
    expect(flat).toEqual([]);
  });

  it('reads each fact the same in SQL as for one record, for every operator and value', async () => {
    const disagreements: string[] = [];
    for (const subject of definedSubjects()) disagreements.push(...(await factDisagreements(ctx, subject, records.get(subject.type)!)));
    expect(disagreements).toEqual([]);
  });

  it('for every actor, action and subject their rules name, lists exactly the records the check allows', async () => {
    const abilities = t.app.get(AbilityFactory);
    const disagreements: string[] = [];
    const requestOnly = new Set<string>();
    let compared = 0;
    for (const { name, actor } of actors) {
      const ability = abilities.createFor(actor);
      for (const [action, type] of ruledPairs(ability)) {
        const subject = subjectOf(type);
        const named = ability.rulesFor(action, type).flatMap((rule) => (rule.ast ? fieldsOf(rule.ast) : []));
        if (named.some((field) => subject.requestFields.includes(field))) {
          // A fact only the request holds: no list can filter by it, and asking for one fails closed.
          expect(() => accessibleCondition(ability, action, type, ALIAS)).toThrow(/No SQL reading/);
          requestOnly.add(`${action} ${type}`);
          continue;
        }
        const listed = await listedIds(ctx, subject, ability, action);
        const allowed = records
          .get(type)!
          .filter((r) => ability.can(action, asSubject(type, { ...r.shape }) as never))
          .map((r) => r.id);
        disagreements.push(...differences(`${name}: ${action} ${type}`, listed, allowed));
        compared += 1;
      }
    }
    expect(disagreements).toEqual([]);
    expect([...requestOnly]).toEqual(['void Contract']);
    expect(compared).toBeGreaterThan(actors.length * 10);
  });

  it('would catch an SQL reading that disagrees with its twin', async () => {
    const lawsuit = subjectOf('Lawsuit');
    const fields = lawsuit.sqlFields as Record<string, unknown>;
    const claimants = fields.claimantNationalIds;
    fields.claimantNationalIds = fields.partyNationalIds;
    try {
      const found = await factDisagreements(ctx, lawsuit, records.get('Lawsuit')!);
      expect(found.some((d) => d.startsWith('Lawsuit.claimantNationalIds'))).toBe(true);
      expect(found.every((d) => d.startsWith('Lawsuit.claimantNationalIds'))).toBe(true);
    } finally {
      fields.claimantNationalIds = claimants;
    }
  });

  it('saw the people it was meant to see: an agent under a power of attorney in force, one whose power ended, a judge of a sealed case', () => {
    const byName = new Map(actors.map((a) => [a.name, a.actor]));
    expect(byName.get('seeded lawyer')!.agencies!.some((a) => a.powers.includes('LIT_FILE'))).toBe(true);
    expect(byName.get('agentOfEndedPower')!.agencies).toEqual([expect.objectContaining({ powers: [], endedPowers: expect.any(Array) })]);
    const sealedHeard = records.get('Lawsuit')!.filter((r) => r.shape.sealed && (r.shape.assignedJudgeIds as string[]).length);
    expect(sealedHeard.map((r) => r.shape.assignedJudgeIds)).toContainEqual([people.presidingJudge]);
    expect(
      records.get('Lawsuit')!.some((r) => (r.shape.winnerNationalIds as string[]).length && (r.shape.appealCourtIds as string[]).length),
    ).toBe(true);
  });
});

async function storedRecords(ctx: RequestContext, subject: Subject): Promise<Stored[]> {
  const rows = await ctx.repo(subject.entity).find();
  const stored: Stored[] = [];
  for (const row of rows) stored.push({ id: row.id as string, shape: await subject.shape(ctx, row) });
  return stored;
}

async function actorOf(t: TestApp, by: { id: string } | { nationalId: string }): Promise<Actor> {
  const [user] = await t.app
    .get(DataSource)
    .query<{ id: string; token_version: number }[]>(`SELECT id, token_version FROM users WHERE ${'id' in by ? 'id' : 'national_id'} = $1`, [
      'id' in by ? by.id : by.nationalId,
    ]);
  const actor = await t.app.get(ActorLoader).load(user.id, user.token_version, 'mfa');
  if (!actor) throw new Error(`no actor for ${JSON.stringify(by)}`);
  return actor;
}

/** Every (action, subject) the ability has a rule for ('manage' standing for every action), and reading every subject (denied by default). */
function ruledPairs(ability: AppAbility): [Action, SubjectType][] {
  const stored = new Set(definedSubjects().map((s) => s.type));
  const pairs = new Set<string>(definedSubjects().map((s) => `read|${s.type}`));
  for (const rule of ability.rules) {
    const actions = ([] as string[]).concat(rule.action as string | string[]);
    const subjects = ([] as string[]).concat(rule.subject as string | string[]);
    for (const action of actions.includes('manage') ? ACTIONS : actions) {
      for (const type of subjects) if (stored.has(type as SubjectType)) pairs.add(`${action}|${type}`);
    }
  }
  return [...pairs].map((p) => p.split('|') as [Action, SubjectType]);
}

function fieldsOf(node: Condition): string[] {
  const value = (node as { value: unknown }).value;
  if (['and', 'or', 'not'].includes(node.operator)) return (value as Condition[]).flatMap(fieldsOf);
  return [(node as FieldCondition).field];
}

async function listedIds(ctx: RequestContext, subject: Subject, ability: AppAbility, action: Action): Promise<string[]> {
  const { sql, params } = accessibleCondition(ability, action, subject.type, ALIAS);
  const rows = await ctx
    .repo(subject.entity)
    .createQueryBuilder(ALIAS)
    .select(`${ALIAS}.id`, 'id')
    .where(sql, params)
    .getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

function differences(what: string, listed: string[], allowed: string[]): string[] {
  const inList = new Set(listed);
  const inChecks = new Set(allowed);
  const onlyListed = listed.filter((id) => !inChecks.has(id));
  const onlyAllowed = allowed.filter((id) => !inList.has(id));
  return [
    ...(onlyListed.length ? [`${what}: listed but refused one by one: ${onlyListed.slice(0, 3).join(', ')} (${onlyListed.length})`] : []),
    ...(onlyAllowed.length
      ? [`${what}: allowed one by one but not listed: ${onlyAllowed.slice(0, 3).join(', ')} (${onlyAllowed.length})`]
      : []),
  ];
}

/**
 * For each stored fact of the subject, conditions on it alone (equal to, different from, in and
 * not in: values it takes, values the subject's other facts of the same kind take — so that a
 * reading naming the wrong column or join shows — and one no record has; null for a column): the
 * records SQL selects must be those the same condition allows in memory.
 */
async function factDisagreements(ctx: RequestContext, subject: Subject, stored: Stored[]): Promise<string[]> {
  const found: string[] = [];
  const valuesOf = (field: string): unknown[] => {
    const array = typeof subject.sqlFields[field] === 'function';
    return [...new Set(stored.flatMap((r) => (array ? (r.shape[field] as unknown[]) : [r.shape[field]])))].filter((v) => v !== null).sort();
  };
  for (const [field, reading] of Object.entries(subject.sqlFields)) {
    const own = valuesOf(field);
    const kind = kindOf(own);
    const others = Object.keys(subject.sqlFields)
      .filter((f) => f !== field)
      .flatMap(valuesOf)
      .filter((v) => kindOf([v]) === kind && !own.includes(v));
    const values = [...spread(own, PROBED_VALUES), ...spread([...new Set(others)].sort(), PROBED_VALUES / 2), ...unseen(kind)];
    const conditions: unknown[] = values.flatMap((v) => [v, { $ne: v }]);
    conditions.push({ $in: values }, { $nin: values.slice(0, Math.ceil(values.length / 2)) });
    if (typeof reading === 'string')
      conditions.push(null, { $ne: null }, { $in: [...values.slice(0, 1), null] }, { $nin: [...values.slice(0, 1), null] });
    for (const condition of conditions) {
      const ability = createMongoAbility<AppAbility>([{ action: 'read', subject: subject.type, conditions: { [field]: condition } }]);
      const listed = await listedIds(ctx, subject, ability, 'read');
      const allowed = stored.filter((r) => ability.can('read', asSubject(subject.type, { ...r.shape }) as never)).map((r) => r.id);
      found.push(...differences(`${subject.type}.${field} ${JSON.stringify(condition)}`, listed, allowed));
    }
  }
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a column may be compared with without an error: ids with ids, other text with text, booleans with booleans. */
function kindOf(values: unknown[]): 'uuid' | 'text' | 'boolean' | 'none' {
  if (!values.length) return 'none';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  return values.every((v) => typeof v === 'string' && UUID.test(v)) ? 'uuid' : 'text';
}

function spread<T>(values: T[], most: number): T[] {
  if (values.length <= most) return values;
  return Array.from({ length: most }, (_, i) => values[Math.floor((i * (values.length - 1)) / (most - 1))]);
}

/** A value of that kind that no record has. */
function unseen(kind: ReturnType<typeof kindOf>): unknown[] {
  if (kind === 'uuid') return [randomUUID()];
  return kind === 'text' ? ['UNSEEN'] : [];
}
