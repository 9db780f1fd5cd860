/**
 * A day asked as the GOV.UK date input does: day, month and year in three fields of one fieldset,
 * so it is typed the same way on every browser and by keyboard alone. The error names the
 * fieldset; the first field is the one an error summary's link focuses (`${id}-day`).
 */
import { common } from '../i18n/common';
import { FieldsetField } from './FieldShell';
import { useT } from '../i18n/i18n';

export interface DayParts {
  day: string;
  month: string;
  year: string;
}

export function partsOf(iso: string): DayParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day) || ''), month: String(Number(month) || ''), year };
}

/** YYYY-MM-DD when the parts make a real day, else null. */
export function isoOf(parts: DayParts): string | null {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

export function DateField({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: DayParts;
  onChange: (value: DayParts) => void;
}) {
  const t = useT(common);
  const part = (key: keyof DayParts, label: string, size: string) => (
    <div className="date-input__item">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        name={`${id}-${key}`}
        className={`input ${size}`}
        inputMode="numeric"
        dir="ltr"
        aria-invalid={error ? true : undefined}
        value={value[key]}
        onInput={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      />
    </div>
  );
  return (
    <FieldsetField id={id} legend={legend} hint={hint} error={error} role="group">
      <div className="date-input">
        {part('day', t('day'), 'input--2ch')}
        {part('month', t('month'), 'input--2ch')}
        {part('year', t('year'), 'input--4ch')}
      </div>
    </FieldsetField>
  );
}
