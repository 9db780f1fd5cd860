/**
 * The questions of issuing a power of attorney, one page each: the agents, the powers from the
 * catalogue grouped by domain, and how long it lasts (within powerOfAttorneyLimits).
 */
import type { TargetedEvent } from 'preact';
import { Checkboxes } from '../../components/Choices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField, errorFor } from '../../components/Field';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import type { FormError } from '../../lib/errors';
import { poaMessages } from './messages';
import { poaNewMessages } from './new-messages';

export interface Agent {
  nationalId: string;
  nameAr: string;
  nameEn: string;
}

export interface CatalogueEntry {
  code: string;
  domain: string;
  nameAr: string;
  nameEn: string;
}

export const agentField = (i: number, field: keyof Agent) => `agent-${i}-${field}`;
export const EMPTY_AGENT: Agent = { nationalId: '', nameAr: '', nameEn: '' };

interface StepProps {
  errors: FormError[];
  onContinue: (event: TargetedEvent<HTMLFormElement>) => void;
}

export function AgentsStep({
  agents,
  max,
  onChange,
  errors,
  onContinue,
}: StepProps & { agents: Agent[]; max: number; onChange: (a: Agent[]) => void }) {
  const t = useT(poaNewMessages);
  const tc = useT(common);
  const set = (i: number, field: keyof Agent, value: string) => onChange(agents.map((a, j) => (j === i ? { ...a, [field]: value } : a)));
  return (
    <form onSubmit={onContinue} noValidate>
      <ErrorSummary errors={errors} />
      <p className="hint">{t('agentsHint', { max })}</p>
      {agents.map((a, i) => (
        <fieldset key={i} className="fieldset panel">
          <legend className="fieldset__legend">{t('agentHeading', { n: i + 1 })}</legend>
          <TextField
            id={agentField(i, 'nationalId')}
            label={t('nationalId')}
            hint={t('nationalIdHint')}
            error={errorFor(errors, agentField(i, 'nationalId'))}
            value={a.nationalId}
            onInput={(e) => set(i, 'nationalId', e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="off"
            ltr
            className="input--10ch"
          />
          <TextField
            id={agentField(i, 'nameAr')}
            label={t('nameAr')}
            error={errorFor(errors, agentField(i, 'nameAr'))}
            value={a.nameAr}
            onInput={(e) => set(i, 'nameAr', e.currentTarget.value)}
            lang="ar"
            dir="rtl"
          />
          <TextField
            id={agentField(i, 'nameEn')}
            label={t('nameEn')}
            error={errorFor(errors, agentField(i, 'nameEn'))}
            value={a.nameEn}
            onInput={(e) => set(i, 'nameEn', e.currentTarget.value)}
            lang="en"
            dir="ltr"
          />
          {agents.length > 1 && (
            <button type="button" className="link-button" onClick={() => onChange(agents.filter((_, j) => j !== i))}>
              {t('removeAgent', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {agents.length < max && (
        <button type="button" className="button button--secondary" onClick={() => onChange([...agents, EMPTY_AGENT])}>
          {t('addAgent')}
        </button>
      )}
      <div>
        <button type="submit" className="button">
          {tc('continue')}
        </button>
      </div>
    </form>
  );
}

export function PowersStep({
  catalogue,
  powers,
  canDelegate,
  onChange,
  onDelegate,
  errors,
  onContinue,
}: StepProps & {
  catalogue: CatalogueEntry[];
  powers: string[];
  canDelegate: boolean;
  onChange: (p: string[]) => void;
  onDelegate: (on: boolean) => void;
}) {
  const t = useT(poaNewMessages);
  const tp = useT(poaMessages);
  const tc = useT(common);
  const lang = useLang();
  const domains = [...new Set(catalogue.map((c) => c.domain))];
  return (
    <form onSubmit={onContinue} noValidate>
      <ErrorSummary errors={errors} />
      <p className="hint">{t('powersHint')}</p>
      {errorFor(errors, powersField(domains)) && <p className="field__error">{errorFor(errors, powersField(domains))}</p>}
      {domains.map((domain) => {
        const entries = catalogue.filter((c) => c.domain === domain);
        const inDomain = powers.filter((p) => entries.some((e) => e.code === p));
        return (
          <Checkboxes
            key={domain}
            name={`powers-${domain}`}
            legend={tp(`domain_${domain as 'LITIGATION'}`)}
            values={inDomain}
            onChange={(values) => onChange([...powers.filter((p) => !entries.some((e) => e.code === p)), ...values])}
            choices={entries.map((e) => ({ value: e.code, label: lang === 'ar' ? e.nameAr : e.nameEn }))}
          />
        );
      })}
      <Checkboxes
        name="canDelegate"
        legend={t('delegateLegend')}
        values={canDelegate ? ['yes'] : []}
        onChange={(values) => onDelegate(values.includes('yes'))}
        choices={[{ value: 'yes', label: t('delegate') }]}
      />
      <button type="submit" className="button">
        {tc('continue')}
      </button>
    </form>
  );
}

/** Where an error about the powers leads: the first box of the first domain. */
export const powersField = (domains: string[]) => `powers-${domains[0] ?? ''}`;

export function DurationStep({
  validTo,
  years,
  maxDay,
  maxLabel,
  onChange,
  errors,
  onContinue,
}: StepProps & { validTo: string; years: string; maxDay: string; maxLabel: string; onChange: (v: string) => void }) {
  const t = useT(poaNewMessages);
  const tc = useT(common);
  return (
    <form onSubmit={onContinue} noValidate>
      <ErrorSummary errors={errors} />
      <TextField
        id="validTo"
        type="date"
        label={t('validTo')}
        hint={t('validToHint', { years, max: maxLabel })}
        error={errorFor(errors, 'validTo')}
        value={validTo}
        max={maxDay}
        onInput={(e) => onChange(e.currentTarget.value)}
        className="input--date"
      />
      <button type="submit" className="button">
        {tc('continue')}
      </button>
    </form>
  );
}
