import { createMongoAbility, type MongoQuery } from '@casl/ability';
import type { SelectQueryBuilder } from 'typeorm';
import type { Action, AppAbility } from './ability.types';
import { accessibleCondition, applyAbility } from './sql-filter';
import { defineSubject } from './subjects';

/** A stand-in for a wing's power of attorney: a column of each kind, and two array facts. */
class Poa {
  id!: string;
}
defineSubject('PowerOfAttorney', {
  entity: Poa,
  facts: {
    issuance: { sql: '{alias}.issuance', of: () => 'SELF' },
    notaryOfficeId: { sql: '{alias}.notary_office_id', of: () => null },
    canDelegate: { sql: '{alias}.can_delegate', of: () => false },
    principalNationalIds: { sql: (alias, values) => `EXISTS (principals of ${alias} IN (${values}))`, of: () => [] },
    agentNationalIds: { sql: (alias, values) => `EXISTS (agents of ${alias} IN (${values}))`, of: () => [] },
  },
});

type Rule = { action: Action; subject: 'PowerOfAttorney'; conditions?: MongoQuery; inverted?: boolean };
const abilityOf = (...rules: Rule[]): AppAbility => createMongoAbility<AppAbility>(rules as never);
const P = 'casl_read_PowerOfAttorney_p_';

/** The condition of a single rule `can('read', 'PowerOfAttorney', conditions)`, over the alias `p`. */
function where(conditions: MongoQuery) {
  return accessibleCondition(abilityOf({ action: 'read', subject: 'PowerOfAttorney', conditions }), 'read', 'PowerOfAttorney', 'p');
}

describe('accessibleCondition', () => {
  it('gives no rows without a rule, and every row for a rule without conditions', () => {
    expect(accessibleCondition(abilityOf(), 'read', 'PowerOfAttorney', 'p')).toEqual({ sql: 'FALSE', params: {} });
    expect(accessibleCondition(abilityOf({ action: 'read', subject: 'PowerOfAttorney' }), 'read', 'PowerOfAttorney', 'p').sql).toBe('TRUE');
    expect(accessibleCondition(abilityOf({ action: 'read', subject: 'PowerOfAttorney' }), 'revoke', 'PowerOfAttorney', 'p').sql).toBe(
      'FALSE',
    );
  });

  it('reads a column with each comparison, named parameters and the list’s alias', () => {
    expect(where({ issuance: 'SELF' })).toEqual({ sql: `p.issuance = :${P}0`, params: { [`${P}0`]: 'SELF' } });
    expect(where({ issuance: { $ne: 'SELF' } }).sql).toBe(`p.issuance IS DISTINCT FROM :${P}0`);
    expect(where({ canDelegate: false })).toEqual({ sql: `p.can_delegate = :${P}0`, params: { [`${P}0`]: false } });
    expect(where({ issuance: { $lt: 'N' } }).sql).toBe(`p.issuance < :${P}0`);
    expect(where({ issuance: { $gte: 'N' } }).sql).toBe(`p.issuance >= :${P}0`);
  });

  it('reads null as CASL does: it equals only null, and differs from every value', () => {
    expect(where({ notaryOfficeId: null }).sql).toBe('p.notary_office_id IS NULL');
    expect(where({ notaryOfficeId: { $ne: null } }).sql).toBe('p.notary_office_id IS NOT NULL');
    // `<>` would leave out a row whose office is null; CASL counts null as different.
    expect(where({ notaryOfficeId: { $ne: 'no-1' } }).sql).toBe(`p.notary_office_id IS DISTINCT FROM :${P}0`);
  });

  it('reads lists, empty ones and ones holding null', () => {
    expect(where({ issuance: { $in: ['SELF', 'NOTARY'] } })).toEqual({
      sql: `p.issuance IN (:...${P}0)`,
      params: { [`${P}0`]: ['SELF', 'NOTARY'] },
    });
    expect(where({ issuance: { $nin: ['SELF'] } }).sql).toBe(`(p.issuance IS NULL OR p.issuance NOT IN (:...${P}0))`);
    expect(where({ issuance: { $in: [] } }).sql).toBe('FALSE');
    expect(where({ issuance: { $nin: [] } }).sql).toBe('TRUE');
    expect(where({ notaryOfficeId: { $in: ['no-1', null] } })).toEqual({
      sql: `(p.notary_office_id IN (:...${P}0) OR p.notary_office_id IS NULL)`,
      params: { [`${P}0`]: ['no-1'] },
    });
    expect(where({ notaryOfficeId: { $nin: ['no-1', null] } }).sql).toBe(
      `(p.notary_office_id IS NOT NULL AND p.notary_office_id NOT IN (:...${P}0))`,
    );
    expect(where({ notaryOfficeId: { $in: [null] } }).sql).toBe('p.notary_office_id IS NULL');
    expect(where({ notaryOfficeId: { $nin: [null] } }).sql).toBe('p.notary_office_id IS NOT NULL');
  });

  it('reads an array fact as "any element among the values", and its negation as "none"', () => {
    expect(where({ principalNationalIds: '1010101010' })).toEqual({
      sql: `EXISTS (principals of p IN (:...${P}0))`,
      params: { [`${P}0`]: ['1010101010'] },
    });
    expect(where({ agentNationalIds: { $in: ['1', '2'] } }).params).toEqual({ [`${P}0`]: ['1', '2'] });
    expect(where({ agentNationalIds: { $ne: '1' } }).sql).toBe(`NOT EXISTS (agents of p IN (:...${P}0))`);
    expect(where({ agentNationalIds: { $nin: ['1'] } }).sql).toBe(`NOT EXISTS (agents of p IN (:...${P}0))`);
    expect(where({ agentNationalIds: { $in: [] } })).toEqual({ sql: 'FALSE', params: {} });
    expect(where({ agentNationalIds: { $nin: [] } }).sql).toBe('TRUE');
  });

  it('joins a rule’s fields with AND and rules with OR; a cannot rule takes out only the rows it matches (a null matches nothing, as in memory)', () => {
    const ability = abilityOf(
      { action: 'read', subject: 'PowerOfAttorney', conditions: { issuance: 'NOTARY', notaryOfficeId: 'no-1' } },
      { action: 'read', subject: 'PowerOfAttorney', conditions: { principalNationalIds: '1010101010' } },
      { action: 'read', subject: 'PowerOfAttorney', conditions: { canDelegate: true }, inverted: true },
    );
    expect(accessibleCondition(ability, 'read', 'PowerOfAttorney', 'p').sql).toBe(
      // Later rules first, as CASL weighs them; the cannot rule bounds every can rule before it.
      `((EXISTS (principals of p IN (:...${P}0)) AND NOT coalesce(p.can_delegate = :${P}1, FALSE))` +
        ` OR (p.issuance = :${P}2 AND p.notary_office_id = :${P}3 AND NOT coalesce(p.can_delegate = :${P}4, FALSE)))`,
    );
  });

  it('fails closed on a field without an SQL reading, an operator SQL cannot read, and a subject no wing defined', () => {
    expect(() => where({ state: 'ACTIVE' })).toThrow('No SQL reading of the access field "state"');
    expect(() => where({ issuance: { $regex: '^S' } })).toThrow('Operator regex is not supported in SQL filters');
    expect(() => where({ principalNationalIds: { $all: ['1'] } })).toThrow('Operator all is not supported on the array field');
    expect(() => where({ principalNationalIds: { $lt: '1' } })).toThrow('Operator lt is not supported on the array field');
    expect(() => where({ principalNationalIds: null })).toThrow('compares with values only');
    const lawsuits = createMongoAbility<AppAbility>([{ action: 'read', subject: 'Lawsuit' }]);
    expect(() => accessibleCondition(lawsuits, 'read', 'Lawsuit', 'l')).toThrow('No definition of the subject Lawsuit');
  });

  it('translates once per ability, action, subject and alias, and names parameters after them', () => {
    const rule: Rule = { action: 'read', subject: 'PowerOfAttorney', conditions: { issuance: 'SELF' } };
    const ability = abilityOf(rule, { ...rule, action: 'revoke' });
    const first = accessibleCondition(ability, 'read', 'PowerOfAttorney', 'p');
    expect(accessibleCondition(ability, 'read', 'PowerOfAttorney', 'p')).toBe(first);
    // Two conditions in one query never share a parameter name: they differ in action or alias.
    expect(Object.keys(accessibleCondition(ability, 'read', 'PowerOfAttorney', 'q').params)).toEqual(['casl_read_PowerOfAttorney_q_0']);
    expect(Object.keys(accessibleCondition(ability, 'revoke', 'PowerOfAttorney', 'p').params)).toEqual(['casl_revoke_PowerOfAttorney_p_0']);
    // Another ability with the same rules has its own translation, to the same SQL.
    const other = accessibleCondition(abilityOf(rule), 'read', 'PowerOfAttorney', 'p');
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });
});

describe('applyAbility', () => {
  it('narrows a query builder by the condition, over its own alias unless told another', () => {
    const calls: unknown[][] = [];
    const qb = { alias: 'x', andWhere: (...args: unknown[]) => (calls.push(args), qb) } as unknown as SelectQueryBuilder<Poa>;
    const ability = abilityOf({ action: 'read', subject: 'PowerOfAttorney', conditions: { issuance: 'SELF' } });
    expect(applyAbility(qb, ability, 'read', 'PowerOfAttorney')).toBe(qb);
    applyAbility(qb, ability, 'read', 'PowerOfAttorney', 'y');
    expect(calls).toEqual([
      ['x.issuance = :casl_read_PowerOfAttorney_x_0', { casl_read_PowerOfAttorney_x_0: 'SELF' }],
      ['y.issuance = :casl_read_PowerOfAttorney_y_0', { casl_read_PowerOfAttorney_y_0: 'SELF' }],
    ]);
  });
});
