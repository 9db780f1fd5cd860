/**
 * Verify a document (public): its number and verification code, or a link that carries them
 * (`/verify?number=…&code=…` checks at once; the server's QR page links here). The check runs from
 * the address, so a result can be shared and the back button returns to the previous one.
 */
import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useSearchParams } from 'wouter-preact';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField, errorFor } from '../../components/Field';
import { Page } from '../../components/Page';
import { common } from '../../i18n/common';
import { useT } from '../../i18n/i18n';
import type { FormError } from '../../lib/errors';
import { verifyMessages } from './messages';
import { useVerification } from './verification';
import { VerifyResult } from './VerifyResult';

export default function VerifyPage() {
  const t = useT(verifyMessages);
  const tc = useT(common);
  const [params, setParams] = useSearchParams();
  const asked = { number: params.get('number')?.trim() ?? '', code: params.get('code')?.trim() ?? '' };
  const [number, setNumber] = useState(asked.number);
  const [code, setCode] = useState(asked.code);
  const [errors, setErrors] = useState<FormError[]>([]);
  // Set by the form: the result then takes focus, as the answer to what the person just asked.
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    setNumber(asked.number);
    setCode(asked.code);
  }, [asked.number, asked.code]);
  const state = useVerification(asked.number, asked.code);

  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!number.trim()) missing.push({ target: 'number', message: t('numberMissing') });
    if (!code.trim()) missing.push({ target: 'code', message: t('codeMissing') });
    setErrors(missing);
    if (missing.length) return;
    setSubmitted(true);
    setParams({ number: number.trim(), code: code.trim() });
  };

  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead')}</p>
      {asked.code && !asked.number && <p className="notice">{t('codeOnly')}</p>}
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} />
        <TextField
          id="number"
          label={t('number')}
          hint={t('numberHint')}
          error={errorFor(errors, 'number')}
          value={number}
          onInput={(e) => setNumber(e.currentTarget.value)}
          autoComplete="off"
          spellcheck={false}
          ltr
        />
        <TextField
          id="code"
          label={t('code')}
          hint={t('codeHint')}
          error={errorFor(errors, 'code')}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          ltr
          className="input--code"
        />
        <button type="submit" className="button" disabled={state.status === 'checking'}>
          {t('submit')}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === 'checking' && <p className="loading">{t('checking')}</p>}
        {state.status === 'failed' && <p className="notice">{tc('somethingWentWrong')}</p>}
      </div>
      {state.status === 'done' && <VerifyResult result={state.result} focus={submitted} />}
    </Page>
  );
}
