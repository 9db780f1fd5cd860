/** What the claimant asks the court for: each request on its own, with its amount when it is money. */
import { useState } from 'preact/hooks';
import { errorFor, TextField } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import { useLang, useT } from '../../../i18n/i18n';
import type { FormError } from '../../../lib/errors';
import { formatMoney } from '../../../lib/format';
import { emptyClaim, parseAmount, type ClaimDraft } from '../draft';
import { type StepProps, StepPage } from '../FilingWizard';
import { fileMessages } from '../messages';

export function ClaimsStep({ draft, update, apiErrors, notice, done }: StepProps) {
  const t = useT(fileMessages);
  const lang = useLang();
  const [errors, setErrors] = useState<FormError[]>([]);
  const shown = errors.length ? errors : apiErrors;
  const change = (i: number, patch: Partial<ClaimDraft>) =>
    update((d) => ({ claims: d.claims.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());
  const total = draft.claims.reduce((sum, c) => sum + (parseAmount(c.amount) || 0), 0);

  const next = () => {
    const problems: FormError[] = [];
    draft.claims.forEach((c, i) => {
      const n = t('claimN', { n: i + 1 });
      if (!c.description.trim())
        problems.push({ target: `claim-${i}-description`, message: t('partyProblem', { who: n, problem: t('claimMissing') }) });
      if (Number.isNaN(parseAmount(c.amount)))
        problems.push({ target: `claim-${i}-amount`, message: t('partyProblem', { who: n, problem: t('amountNotNumber') }) });
    });
    return problems.length ? setErrors(problems) : done();
  };

  return (
    <StepPage title={t('claimsTitle')} errors={shown} notice={notice} onContinue={next}>
      <p className="hint">{t('claimsHint')}</p>
      {draft.claims.map((c, i) => (
        <fieldset key={c.key} className="fieldset party">
          <legend className="fieldset__legend party__legend">{t('claimN', { n: i + 1 })}</legend>
          <TextArea
            id={`claim-${i}-description`}
            label={t('claimDescription')}
            error={errorFor(shown, `claim-${i}-description`)}
            value={c.description}
            rows={3}
            maxLength={2000}
            onInput={(e) => change(i, { description: e.currentTarget.value })}
          />
          <TextField
            id={`claim-${i}-amount`}
            label={t('claimAmount')}
            hint={t('claimAmountHint')}
            error={errorFor(shown, `claim-${i}-amount`)}
            value={c.amount}
            inputMode="decimal"
            autoComplete="off"
            ltr
            className="input--10ch"
            onInput={(e) => change(i, { amount: e.currentTarget.value })}
          />
          {draft.claims.length > 1 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                update((d) => ({ claims: d.claims.filter((_, j) => j !== i) }));
                focusLater('claims-add');
              }}
            >
              {t('remove')}
              <span className="visually-hidden"> {t('claimN', { n: i + 1 })}</span>
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        id="claims-add"
        className="button button--secondary"
        onClick={() => {
          update((d) => ({ claims: [...d.claims, emptyClaim()] }));
          focusLater(`claim-${draft.claims.length}-description`);
        }}
      >
        {t('addClaim')}
      </button>
      <p className="lead" aria-live="polite">
        {t('totalClaimed', { amount: formatMoney(total, lang) })}
      </p>
    </StepPage>
  );
}
