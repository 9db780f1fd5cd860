/**
 * Messages in Arabic and English (docs/api.md, "Languages"). Each module declares its messages
 * once, with both texts, under typed names; a message takes the parameters its texts name in
 * braces (`{date}`), and the compiler refuses a message without an Arabic text or a call without
 * its parameters. A message is rendered in the caller's language only at the edge (the GraphQL
 * error formatting, plain HTTP routes); inside the platform it travels as a `Text`.
 */

export type Locale = 'ar' | 'en';
export const LOCALES: readonly Locale[] = ['ar', 'en'];

/** The two texts of a message. */
export interface Bilingual {
  readonly ar: string;
  readonly en: string;
}

/**
 * A parameter: shown as given (numbers, ids, dates in ISO form), a message rendered in the same
 * language, or a pair of texts (a court's Arabic and English names, a counted unit).
 */
export type Param = string | number | Text | Bilingual;

/** A message with its parameters, ready to render in either language. */
export interface Text {
  readonly key: string;
  readonly params: Readonly<Record<string, Param>>;
  readonly texts: Bilingual;
}

/** The names in braces of a text: `'on {date} at {time}'` → `'date' | 'time'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

export type MessageFn<S extends string> = [Placeholders<S>] extends [never]
  ? () => Text
  : (params: { readonly [K in Placeholders<S>]: Param }) => Text;

export type Catalogue<T extends Record<string, Bilingual>> = { readonly [K in keyof T]: MessageFn<T[K]['en']> };

/** Every message of the loaded modules, by key: what the catalogue test and docs/api.md enumerate. */
export const MESSAGES = new Map<string, Bilingual>();

/** Declares a module's messages under `namespace` (keys read `namespace.name`). */
export function defineMessages<const T extends Record<string, Bilingual>>(namespace: string, defs: T): Catalogue<T> {
  const out: Record<string, (params?: Record<string, Param>) => Text> = {};
  for (const [name, texts] of Object.entries(defs)) {
    const key = `${namespace}.${name}`;
    if (MESSAGES.has(key)) throw new Error(`The message ${key} is defined twice`);
    MESSAGES.set(key, texts);
    out[name] = (params = {}) => ({ key, params, texts });
  }
  return out as unknown as Catalogue<T>;
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The names in braces of a text, at run time (the catalogue test compares both languages'). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

/** The text in the given language, parameters filled in. */
export function render(text: Text, locale: Locale): string {
  return text.texts[locale].replace(PLACEHOLDER, (whole, name: string) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    if (typeof value !== 'object') return String(value);
    return 'key' in value ? render(value, locale) : value[locale];
  });
}

export function isText(value: unknown): value is Text {
  return !!value && typeof value === 'object' && typeof (value as Text).key === 'string' && typeof (value as Text).texts === 'object';
}
