import { safeReturnTo, withParam } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path on the same origin, with its query and fragment', () => {
    expect(safeReturnTo('/cases/12?tab=hearings#next')).toBe('/cases/12?tab=hearings#next');
    expect(safeReturnTo('/')).toBe('/');
  });

  it('defaults to the root when none is given', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/\t/evil.example',
    '/%0a/x\n',
    `/${'a'.repeat(2048)}`,
  ])('refuses %j', (raw) => {
    expect(safeReturnTo(raw)).toBeNull();
  });

  it('normalises dot segments without leaving the origin', () => {
    expect(safeReturnTo('/a/../../b')).toBe('/b');
  });
});

describe('withParam', () => {
  it('adds a query parameter before the fragment', () => {
    expect(withParam('/cases?x=1#top', 'ticket', 'abc')).toBe('/cases?x=1&ticket=abc#top');
  });
});
