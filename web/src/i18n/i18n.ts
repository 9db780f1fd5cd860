/**
 * Languages of the portal (docs/portal.md): Arabic first, English too. Every string lives in a
 * catalogue (`defineMessages`), one per feature, Arabic with all six plural forms and English with
 * two; `useT` reads one catalogue with keys checked by the compiler. The chosen language is kept
 * in a cookie, so the server writes `<html lang dir>` right in the first response, and in
 * localStorage.
 */
import i18next from 'i18next';
import { useCallback, useEffect, useState } from 'preact/hooks';

export type Lang = 'ar' | 'en';
export const LANGS: readonly Lang[] = ['ar', 'en'];
export const LANG_COOKIE = 'adl-lang';

type ArabicOnlyPlural = 'zero' | 'two' | 'few' | 'many';
/** The English catalogue has the Arabic one's keys, less the plural forms English does not use. */
export type EnglishOf<A> = { [K in keyof A as K extends `${string}_${ArabicOnlyPlural}` ? never : K]: string };
/** A key as code names it: a plural family by its base (`days` for `days_one`, `days_other`…). */
export type KeyOf<A> = keyof A extends infer K
  ? K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
    ? B
    : K
  : never;

export interface Messages<A extends Record<string, string>> {
  ns: string;
  ar: A;
  en: EnglishOf<A>;
}

export function initialLang(): Lang {
  if (typeof document === 'undefined') return 'ar';
  const fromDocument = document.documentElement.lang;
  const stored = localStorage.getItem(LANG_COOKIE);
  if (stored === 'ar' || stored === 'en') return stored;
  return fromDocument === 'en' ? 'en' : 'ar';
}

void i18next.init({
  lng: initialLang(),
  fallbackLng: false,
  resources: {},
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function defineMessages<A extends Record<string, string>>(ns: string, ar: A, en: EnglishOf<A>): Messages<A> {
  i18next.addResourceBundle('ar', ns, ar, true, true);
  i18next.addResourceBundle('en', ns, en, true, true);
  return { ns, ar, en };
}

export type Translate<A> = (key: KeyOf<A>, values?: Record<string, string | number>) => string;

/** The portal's language; the component renders again when it changes. */
export function useLang(): Lang {
  const [lang, setLangState] = useState(i18next.language);
  useEffect(() => {
    const changed = (next: string) => setLangState(next);
    i18next.on('languageChanged', changed);
    return () => i18next.off('languageChanged', changed);
  }, []);
  return lang === 'en' ? 'en' : 'ar';
}

export function useT<A extends Record<string, string>>(messages: Messages<A>): Translate<A> {
  const lang = useLang();
  return useCallback<Translate<A>>(
    (key, values) => i18next.t(key as string, { ns: messages.ns, lng: lang, ...values }),
    [lang, messages.ns],
  );
}

export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

export async function setLang(lang: Lang): Promise<void> {
  localStorage.setItem(LANG_COOKIE, lang);
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  applyLang(lang);
  await i18next.changeLanguage(lang);
}

export { i18next };
