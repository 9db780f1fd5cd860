/** A labelled text input with its hint and its error, wired for screen readers. */
import { describedBy, LabelledField } from './FieldShell';
import type { JSX } from 'preact';

interface Props extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'class'> {
  className?: string;
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Left-to-right content (numbers, codes) even on an Arabic page. */
  ltr?: boolean;
}

export function TextField({ id, label, hint, error, ltr, className, ...input }: Props) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        className={`input${className ? ` ${className}` : ''}`}
        dir={ltr ? 'ltr' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </LabelledField>
  );
}

/** The first error a form has for a control, by its id. */
export const errorFor = (errors: { target: string | null; message: string }[], id: string): string | undefined =>
  errors.find((e) => e.target === id)?.message;
