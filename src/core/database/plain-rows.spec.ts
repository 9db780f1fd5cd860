import { prepared } from './plain-rows';

describe('prepared statements', () => {
  it('names a text after itself, the same name every time, and another text another name', () => {
    const a = prepared('SELECT 1 AS a WHERE $1::int > 0');
    expect(a.name).toMatch(/^adl_[A-Za-z0-9_-]{24}$/);
    expect(prepared('SELECT 1 AS a WHERE $1::int > 0')).toEqual(a);
    expect(prepared('SELECT 2 AS a WHERE $1::int > 0').name).not.toBe(a.name);
  });

  it('prepares at most 200 distinct texts; later ones run unnamed, earlier ones stay prepared', () => {
    const first = prepared('SELECT 0 AS first');
    for (let i = 0; i < 300; i++) prepared(`SELECT ${i} AS n -- ${'x'.repeat(i % 7)}`);
    expect(prepared('SELECT 1 AS never_seen_before')).toEqual({ text: 'SELECT 1 AS never_seen_before' });
    expect(prepared('SELECT 0 AS first')).toEqual(first);
    expect(first.name).toBeDefined();
  });
});
