/**
 * The frame every question shares (GOV.UK pattern): a label for one control or a legend for a
 * group, the hint, then the error, wired to the control by `aria-describedby` (describedBy below).
 * TextField, TextArea, Select, SelectField, DateField and the radio and checkbox groups are built on it.
 */
import type { ComponentChildren } from 'preact';

/** The ids of a question's hint and error, for the control's `aria-describedby`. */
export const describedBy = (id: string, hint?: string, error?: string): string | undefined =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** One control under its label. */
export function LabelledField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A group of controls under a legend that asks the question. */
export function FieldsetField({
  id,
  legend,
  legendClass = 'fieldset__legend',
  hint,
  error,
  role,
  children,
}: {
  id: string;
  legend: string;
  legendClass?: string;
  hint?: string;
  error?: string;
  role?: 'group';
  children: ComponentChildren;
}) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <fieldset className="fieldset" role={role} aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendClass}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}
