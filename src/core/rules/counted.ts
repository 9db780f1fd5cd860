/**
 * A count with its unit, in Arabic and English, for texts that state a rule's number (notices,
 * messages, descriptions): the number comes from the rule table, never from the sentence.
 * Arabic takes the noun form its plural category asks for (one, two, three to ten, eleven to
 * ninety-nine, a hundred and more); English spells out one to ten.
 */
export type CountUnit = 'day' | 'hour' | 'year';

const AR: Record<CountUnit, { one: string; two: string; few: string; many: string; other: string }> = {
  day: { one: 'يوم واحد', two: 'يومان', few: 'أيام', many: 'يوماً', other: 'يوم' },
  hour: { one: 'ساعة واحدة', two: 'ساعتان', few: 'ساعات', many: 'ساعة', other: 'ساعة' },
  year: { one: 'سنة واحدة', two: 'سنتان', few: 'سنوات', many: 'سنة', other: 'سنة' },
};
const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const arPlural = new Intl.PluralRules('ar');

export function countedAr(n: number, unit: CountUnit): string {
  const forms = AR[unit];
  switch (arPlural.select(n)) {
    case 'one':
      return forms.one;
    case 'two':
      return forms.two;
    case 'few':
      return `${n} ${forms.few}`;
    case 'many':
      return `${n} ${forms.many}`;
    case 'zero':
    case 'other':
      return `${n} ${forms.other}`;
  }
}

export function countedEn(n: number, unit: CountUnit): string {
  const number = Number.isInteger(n) && n >= 0 && n < EN_WORDS.length ? EN_WORDS[n] : String(n);
  return `${number} ${n === 1 ? unit : `${unit}s`}`;
}
