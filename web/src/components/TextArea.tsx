/** A labelled multi-line text box with its hint and its error, wired for screen readers (as TextField). */
import { describedBy, LabelledField } from './FieldShell';
import type { JSX } from 'preact';

interface Props extends Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | 'class'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextArea({ id, label, hint, error, ...textarea }: Props) {
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        className="textarea"
        rows={6}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </LabelledField>
  );
}
