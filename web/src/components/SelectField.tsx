/** A labelled select with its hint and its error, wired for screen readers (as TextField). */
import { describedBy, LabelledField } from './FieldShell';
import type { JSX } from 'preact';

export interface Choice {
  value: string;
  label: string;
}

interface Props extends Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'class'> {
  id: string;
  label: string;
  choices: Choice[];
  hint?: string;
  error?: string;
  /** A first choice with no value ("Choose a court"), for a question with no default answer. */
  placeholder?: string;
}

export function SelectField({ id, label, choices, hint, error, placeholder, ...select }: Props) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className="select"
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
