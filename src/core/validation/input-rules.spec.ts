import { isUuid, textProblem } from './input-rules';
import { render } from '../i18n/messages';

describe('ids', () => {
  it.each(['6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6', '6F1C2A3E-8B4D-4C5E-9F60-718293A4B5C6', '00000000-0000-0000-0000-000000000000'])(
    'takes %s',
    (id) => expect(isUuid(id)).toBe(true),
  );

  it.each([
    ['an empty string', ''],
    ['dashes only', '-'.repeat(36)],
    ['non-hex digits', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'],
    ['no dashes (PostgreSQL would take it; we do not)', '6f1c2a3e8b4d4c5e9f60718293a4b5c6'],
    ['braces', '{6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6}'],
    ['a trailing NUL', '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6\u0000'],
    ['a trailing newline', '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c6\n'],
    ['one digit short', '6f1c2a3e-8b4d-4c5e-9f60-718293a4b5c'],
    ['a number', 12345],
    ['null', null],
  ])('refuses %s', (_name, value) => expect(isUuid(value)).toBe(false));
});

describe('text', () => {
  it.each([
    ['plain ASCII', 'hello'],
    ['Arabic', 'المحكمة العامة بالرياض'],
    ['a surrogate pair (an emoji)', 'ok \u{1F600}'],
    ['the empty string', ''],
    ['other control characters', 'tab\tnew\nline\u0001'],
  ])('takes %s', (_name, value) => expect(textProblem(value)).toBeNull());

  it.each([
    ['a NUL byte', 'a\u0000b', /NUL/],
    ['only a NUL byte', '\u0000', /NUL/],
    ['a lone high surrogate', 'x\ud800y', /surrogate/],
    ['a lone high surrogate at the end', 'x\ud83d', /surrogate/],
    ['a lone low surrogate', '\udc00x', /surrogate/],
    ['a reversed pair', '\ude00\ud83d', /surrogate/],
  ])('refuses %s', (_name, value, problem) => expect(render(textProblem(value)!, 'en')).toMatch(problem));
});
