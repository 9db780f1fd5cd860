/** A labelled multi-line text field with its hint and its error. */
import type { JSX } from 'preact';

interface Props extends Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | 'class'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextArea({ id, label, hint, error, ...textarea }: Props) {
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
      <textarea
        id={id}
        name={id}
        className="textarea"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </div>
  );
}
