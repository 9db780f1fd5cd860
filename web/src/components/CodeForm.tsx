/**
 * A fresh one-time code from the person's authenticator app: the field (OtpField), and the small
 * form that asks for it to confirm one act — sign a contract, confirm a power of attorney — with
 * its error summary, a code cleared after a refusal, and the API's refusal named on the field.
 */
import type { ComponentChildren, TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { CombinedError } from '@urql/preact';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { formErrors, type FormError } from '../lib/errors';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './Field';

export function OtpField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onInput: (value: string) => void;
}) {
  const { onInput, ...field } = props;
  return (
    <TextField
      {...field}
      onInput={(e) => onInput(e.currentTarget.value)}
      inputMode="numeric"
      autoComplete="one-time-code"
      ltr
      className="input--6ch"
    />
  );
}

interface Props {
  id: string;
  title: string;
  label: string;
  hint: string;
  /** The error when no code is typed. */
  missing: string;
  submitLabel: string;
  /** Sends the act with the code; answers the API's refusal, or nothing when it was done. */
  send: (otp: string) => Promise<CombinedError | undefined>;
  onDone: () => void;
  busy: boolean;
  children?: ComponentChildren;
}

export function CodeForm({ id, title, label, hint, missing, submitLabel, send, onDone, busy, children }: Props) {
  const tc = useT(common);
  const [otp, setOtp] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const field = `${id}-otp`;
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!otp.trim()) return setErrors([{ target: field, message: missing }]);
    const refused = await send(otp.trim());
    if (refused) {
      setOtp('');
      return setErrors(formErrors(refused, (f) => (f === 'input.otp' ? field : null), tc('somethingWentWrong')));
    }
    setErrors([]);
    onDone();
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="heading-m">
        {title}
      </h2>
      <ErrorSummary errors={errors} />
      {children}
      <OtpField id={field} label={label} hint={hint} error={errors.find((e) => e.target === field)?.message} value={otp} onInput={setOtp} />
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
