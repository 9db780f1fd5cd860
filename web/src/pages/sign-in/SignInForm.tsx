/**
 * Password sign-in: national ID and password, then the authenticator's code when the account has
 * two-factor on (the API says so with `otpRequired`). Used by the sign-in page and by the dialog
 * that reopens an ended session over the page the person was on.
 */
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { Provider, useMutation } from '@urql/preact';
import { ErrorSummary } from '../../components/ErrorSummary';
import { OtpField } from '../../components/CodeForm';
import { TextField, errorFor } from '../../components/Field';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useT } from '../../i18n/i18n';
import { sessionClient } from '../../lib/api';
import { formErrors, type FormError } from '../../lib/errors';
import { session } from '../../lib/session';
import { signInMessages } from './messages';

const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...AuthFields
    }
  }
`);

const FIELD_IDS: Record<string, string> = { 'input.nationalId': 'nationalId', 'input.password': 'password', 'input.otp': 'otp' };

interface Props {
  nationalId?: string;
  onSignedIn: () => void;
}

/** Signs in without the session that may have ended (lib/api.ts, sessionClient). */
export function SignInForm(props: Props) {
  return (
    <Provider value={sessionClient}>
      <PasswordSignIn {...props} />
    </Provider>
  );
}

function PasswordSignIn({ nationalId: fixedId, onSignedIn }: Props) {
  const t = useT(signInMessages);
  const tc = useT(common);
  const [nationalId, setNationalId] = useState(fixedId ?? '');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [needsOtp, setNeedsOtp] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching }, login] = useMutation(LOGIN);

  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!nationalId.trim()) missing.push({ target: 'nationalId', message: t('nationalIdMissing') });
    if (!password) missing.push({ target: 'password', message: t('passwordMissing') });
    if (needsOtp && !otp.trim()) missing.push({ target: 'otp', message: t('otpMissing') });
    if (missing.length) return setErrors(missing);
    const result = await login({ input: { nationalId: nationalId.trim(), password, ...(needsOtp ? { otp: otp.trim() } : {}) } });
    if (result.data) {
      setErrors([]);
      session.signedIn(result.data.login);
      return onSignedIn();
    }
    if (result.error?.graphQLErrors.some((e) => e.extensions?.otpRequired) && !needsOtp) {
      setNeedsOtp(true);
      setErrors([]);
      setTimeout(() => document.getElementById('otp')?.focus());
      return;
    }
    setErrors(formErrors(result.error, (field) => FIELD_IDS[field] ?? null, tc('somethingWentWrong')));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        id="nationalId"
        label={t('nationalId')}
        hint={t('nationalIdHint')}
        error={errorFor(errors, 'nationalId')}
        value={nationalId}
        onInput={(e) => setNationalId(e.currentTarget.value)}
        inputMode="numeric"
        autoComplete="username"
        readOnly={!!fixedId}
        ltr
        className="input--10ch"
      />
      <TextField
        id="password"
        type="password"
        label={t('password')}
        error={errorFor(errors, 'password')}
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        autoComplete="current-password"
      />
      {needsOtp && <OtpField id="otp" label={t('otp')} hint={t('otpHint')} error={errorFor(errors, 'otp')} value={otp} onInput={setOtp} />}
      <button type="submit" className="button" disabled={fetching}>
        {t('submit')}
      </button>
    </form>
  );
}
