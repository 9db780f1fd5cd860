/**
 * Revoking a power of attorney (docs/domain.md, "Powers of attorney"): the whole of it, one agent
 * or some powers, with a reason; then a confirmation that names what ends, before it is done.
 */
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '@urql/preact';
import { Link, useLocation, useParams } from 'wouter-preact';
import { Checkboxes, Radios } from '../../components/Choices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading, Page } from '../../components/Page';
import { TextArea } from '../../components/TextArea';
import { errorFor } from '../../components/Field';
import { graphql } from '../../gql';
import type { PowerCode } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { ltr } from '../../lib/format';
import { formErrors, type FormError } from '../../lib/errors';
import { isNotFound } from '../../lib/not-found';
import { poaActMessages } from './acts-messages';
import { PoaNotFound } from './PoaPage';
import { POA_DETAILS } from './poa-query';
import { names, personName } from './poa-view';

const REVOKE = graphql(`
  mutation RevokePowerOfAttorney($input: RevokePowerOfAttorneyInput!) {
    revokePowerOfAttorney(input: $input) {
      id
      state
    }
  }
`);

type Scope = '' | 'whole' | 'agent' | 'powers';
const FIELDS: Record<string, string> = { 'input.reason': 'reason', 'input.agentNationalIds': 'agent', 'input.powers': 'powers' };

export default function PoaRevokePage() {
  const t = useT(poaActMessages);
  const tc = useT(common);
  const lang = useLang();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: POA_DETAILS, variables: { id } });
  const [step, setStep] = useState<'choose' | 'check'>('choose');
  const [scope, setScope] = useState<Scope>('');
  const [agent, setAgent] = useState('');
  const [powers, setPowers] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching: revoking }, revoke] = useMutation(REVOKE);
  if (fetching && !data) return <Loading />;
  if (!data) return isNotFound(error) ? <PoaNotFound /> : <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const p = data.powerOfAttorney;
  const title = t('revokeTitle', { number: ltr(p.number) });
  const agents = p.agents.filter((a) => a.state === 'ACTIVE');
  const inForce = p.powers.filter((x) => !x.revokedAt);
  const powerName = (code: string) => {
    const power = inForce.find((x) => x.code === code);
    return power ? (lang === 'ar' ? power.nameAr : power.nameEn) : code;
  };
  const what =
    scope === 'whole'
      ? t('scope_whole')
      : scope === 'agent'
        ? names(
            agents.filter((a) => a.nationalId === agent),
            lang,
          )
        : new Intl.ListFormat(lang).format(powers.map(powerName));

  const toCheck = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!scope) missing.push({ target: 'scope', message: t('scopeMissing') });
    if (scope === 'agent' && !agent) missing.push({ target: 'agent', message: t('agentMissing') });
    if (scope === 'powers' && !powers.length) missing.push({ target: 'powers', message: t('powersMissing') });
    if (!reason.trim()) missing.push({ target: 'reason', message: t('reasonMissing') });
    setErrors(missing);
    if (!missing.length) setStep('check');
  };
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await revoke({
      input: {
        id: p.id,
        reason: reason.trim(),
        ...(scope === 'agent' ? { agentNationalIds: [agent] } : {}),
        ...(scope === 'powers' ? { powers: powers as PowerCode[] } : {}),
      },
    });
    if (result.data) return navigate(`/poa/${p.id}?revoked=1`);
    const found = formErrors(result.error, (f) => FIELDS[f] ?? null, tc('somethingWentWrong'));
    setErrors(found);
    if (found.some((e) => e.target)) setStep('choose');
  };

  if (step === 'choose')
    return (
      <Page key="choose" title={title} hasErrors={errors.length > 0}>
        <Link href={`/poa/${p.id}`} className="back-link">
          {tc('back')}
        </Link>
        <form onSubmit={toCheck} noValidate>
          <ErrorSummary errors={errors} />
          <Radios
            name="scope"
            legend={t('scope')}
            hint={t('scopeHint')}
            error={errorFor(errors, 'scope')}
            value={scope}
            onChange={(v) => setScope(v as Scope)}
            choices={[
              { value: 'whole', label: t('scope_whole') },
              { value: 'agent', label: t('scope_agent') },
              { value: 'powers', label: t('scope_powers') },
            ]}
          />
          {scope === 'agent' && (
            <Radios
              name="agent"
              legend={t('agent')}
              error={errorFor(errors, 'agent')}
              value={agent}
              onChange={setAgent}
              choices={agents.map((a) => ({ value: a.nationalId, label: personName(a, lang) }))}
            />
          )}
          {scope === 'powers' && (
            <Checkboxes
              name="powers"
              legend={t('powers')}
              error={errorFor(errors, 'powers')}
              values={powers}
              onChange={setPowers}
              choices={inForce.map((x) => ({ value: x.code, label: lang === 'ar' ? x.nameAr : x.nameEn }))}
            />
          )}
          <TextArea
            id="reason"
            label={t('reason')}
            hint={t('reasonHint')}
            error={errorFor(errors, 'reason')}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
            rows={3}
          />
          <button type="submit" className="button">
            {tc('continue')}
          </button>
        </form>
      </Page>
    );
  return (
    <Page key="check" title={t('checkTitle')} hasErrors={errors.length > 0}>
      <button type="button" className="link-button back-link" onClick={() => setStep('choose')}>
        {tc('back')}
      </button>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} />
        <dl className="summary-list summary-list--actions">
          <div>
            <dt>{t('what')}</dt>
            <dd>{what}</dd>
            <dd>
              <button type="button" className="link-button" onClick={() => setStep('choose')} aria-label={t('changeWhat')}>
                {t('change')}
              </button>
            </dd>
          </div>
          <div>
            <dt>{t('reason')}</dt>
            <dd className="pre-line">{reason.trim()}</dd>
          </div>
        </dl>
        <p className="notice">{t('warning')}</p>
        <div className="button-group">
          <button type="submit" className="button button--warning" disabled={revoking}>
            {t('revoke')}
          </button>
          <Link href={`/poa/${p.id}`}>{t('cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
