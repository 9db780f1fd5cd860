/** A labelled text input with its hint and its error, wired for screen readers. */
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
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
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
      <input
        id={id}
        name={id}
        className={`input${className ? ` ${className}` : ''}`}
        dir={ltr ? 'ltr' : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

/** The first error a form has for a control, by its id. */
export const errorFor = (errors: { target: string | null; message: string }[], id: string): string | undefined =>
  errors.find((e) => e.target === id)?.message;
