/** A day in Gregorian and Hijri (Umm al-Qura) side by side, the Gregorian one machine-readable. */
import { common } from '../i18n/common';
import { useLang, useT } from '../i18n/i18n';
import { formatGregorian, formatHijri } from '../lib/format';

export function DualDate({ value, withTime = false, hijri }: { value: string; withTime?: boolean; hijri?: string | null }) {
  const lang = useLang();
  const t = useT(common);
  return (
    <span className="dual-date">
      <time dateTime={value}>{formatGregorian(value, lang, withTime ? 'dateTime' : 'date')}</time>
      <span className="dual-date__hijri">
        <span className="visually-hidden">{`${t('hijri')}: `}</span>
        {hijri ?? formatHijri(value, lang)}
      </span>
    </span>
  );
}
