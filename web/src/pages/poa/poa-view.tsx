/** How a power of attorney's people and state show on the notarial pages. */
import type { PowerOfAttorneyState } from '../../gql/graphql';
import type { Lang, Translate } from '../../i18n/i18n';
import type { poaMessages } from './messages';

type T = Translate<(typeof poaMessages)['ar']>;

export const personName = (p: { nameAr: string; nameEn: string }, lang: Lang): string => (lang === 'ar' ? p.nameAr : p.nameEn);

export const names = (people: { nameAr: string; nameEn: string }[], lang: Lang): string =>
  new Intl.ListFormat(lang).format(people.map((p) => personName(p, lang)));

const TAG: Partial<Record<PowerOfAttorneyState, string>> = { ACTIVE: 'tag tag--green', REVOKED: 'tag tag--red', LAPSED: 'tag tag--red' };

export function stateTag(state: PowerOfAttorneyState, t: T) {
  return <span className={TAG[state] ?? 'tag'}>{t(`state_${state}`)}</span>;
}
