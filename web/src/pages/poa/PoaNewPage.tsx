/**
 * Issuing a power of attorney oneself (docs/domain.md, "Powers of attorney"): the agents, the
 * powers, how long (a self-issued one lasts at most powerOfAttorneyLimits' years), a check of the
 * answers with the fee, and a fresh code from the authenticator (the step-up of docs/api.md).
 */
import type { ComponentChild, TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '@urql/preact';
import { Link, useLocation } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { OtpField } from '../../components/CodeForm';
import { errorFor } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import type { PowerCode } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { formErrors, type FormError } from '../../lib/errors';
import { courtDay, formatGregorian, formatMoney } from '../../lib/format';
import { useSession } from '../../lib/session';
import { poaNewMessages } from './new-messages';
import { agentField, AgentsStep, DurationStep, EMPTY_AGENT, PowersStep, powersField, type Agent } from './new-steps';
import { names } from './poa-view';

const TERMS = graphql(`
  query NewPoaTerms {
    powerCatalogue {
      code
      domain
      nameAr
      nameEn
    }
    powerOfAttorneyLimits {
      agents {
        max
      }
      selfIssuedValidity {
        maxYears
      }
    }
    notaryFeeSchedule {
      powersOfAttorney {
        issuance
        amount
      }
    }
  }
`);

const ISSUE = graphql(`
  mutation IssuePowerOfAttorney($input: IssuePowerOfAttorneyInput!) {
    issuePowerOfAttorney(input: $input) {
      powerOfAttorney {
        id
      }
    }
  }
`);

type Step = 'agents' | 'powers' | 'duration' | 'check';
const NATIONAL_ID = /^[12]\d{9}$/;
/** The courts' time zone offset, for the end of the last day in force. */
const RIYADH_END_OF_DAY = 'T23:59:59+03:00';

export default function PoaNewPage() {
  const t = useT(poaNewMessages);
  const tc = useT(common);
  const lang = useLang();
  const session = useSession();
  const [, navigate] = useLocation();
  const [{ data, fetching }] = useQuery({ query: TERMS });
  const [step, setStep] = useState<Step>('agents');
  const [agents, setAgents] = useState<Agent[]>([EMPTY_AGENT]);
  const [powers, setPowers] = useState<string[]>([]);
  const [canDelegate, setCanDelegate] = useState(false);
  const [validTo, setValidTo] = useState('');
  const [otp, setOtp] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching: issuing }, issue] = useMutation(ISSUE);
  if (session.status === 'anonymous') return null;
  if (fetching && !data) return <Loading />;
  if (!data) return <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const me = session.auth.user;
  const catalogue = data.powerCatalogue;
  const domains = [...new Set(catalogue.map((c) => c.domain))];
  const maxYears = data.powerOfAttorneyLimits.selfIssuedValidity.maxYears;
  // The last day: a day short of the limit, so that its end stays within it.
  const limit = new Date();
  limit.setFullYear(limit.getFullYear() + maxYears);
  const maxDay = courtDay(new Date(limit.getTime() - 86_400_000));
  const dayLabel = (day: string) => formatGregorian(`${day}T12:00:00+03:00`, lang);
  const fee = data.notaryFeeSchedule?.powersOfAttorney.find((f) => f.issuance === 'SELF')?.amount ?? 0;
  const go = (next: Step) => {
    setErrors([]);
    setStep(next);
  };

  const checkAgents = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FormError[] = [];
    agents.forEach((a, i) => {
      const n = i + 1;
      const id = a.nationalId.trim();
      const target = agentField(i, 'nationalId');
      if (!id) found.push({ target, message: t('idMissing', { n }) });
      else if (!NATIONAL_ID.test(id)) found.push({ target, message: t('idInvalid', { n }) });
      else if (id === me.nationalId) found.push({ target, message: t('idIsYou') });
      else if (agents.findIndex((b) => b.nationalId.trim() === id) !== i) found.push({ target, message: t('idTwice', { n }) });
      if (!a.nameAr.trim()) found.push({ target: agentField(i, 'nameAr'), message: t('nameArMissing', { n }) });
      if (!a.nameEn.trim()) found.push({ target: agentField(i, 'nameEn'), message: t('nameEnMissing', { n }) });
    });
    if (found.length) return setErrors(found);
    go('powers');
  };
  const checkPowers = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!powers.length) return setErrors([{ target: powersField(domains), message: t('powersMissing') }]);
    go('duration');
  };
  const checkDuration = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!validTo) return setErrors([{ target: 'validTo', message: t('validToMissing') }]);
    if (validTo <= courtDay()) return setErrors([{ target: 'validTo', message: t('validToPast') }]);
    if (validTo > maxDay) return setErrors([{ target: 'validTo', message: t('validToTooLate', { max: dayLabel(maxDay) }) }]);
    go('check');
  };
  const fieldOf = (field: string): string | null => {
    const agent = /^input\.agents\.(\d+)\.(nationalId|nameAr|nameEn)$/.exec(field);
    if (agent) return agentField(Number(agent[1]), agent[2] as keyof Agent);
    if (field.startsWith('input.powers')) return powersField(domains);
    return { 'input.validTo': 'validTo', 'input.otp': 'otp' }[field] ?? null;
  };
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!otp.trim()) return setErrors([{ target: 'otp', message: t('otpMissing') }]);
    const result = await issue({
      input: {
        principals: [{ nationalId: me.nationalId, nameAr: me.nameAr, nameEn: me.nameEn }],
        agents: agents.map((a) => ({ nationalId: a.nationalId.trim(), nameAr: a.nameAr.trim(), nameEn: a.nameEn.trim() })),
        powers: powers as PowerCode[],
        canDelegate,
        validTo: new Date(`${validTo}${RIYADH_END_OF_DAY}`).toISOString(),
        otp: otp.trim(),
      },
    });
    if (result.data) return navigate(`/poa/${result.data.issuePowerOfAttorney.powerOfAttorney.id}?issued=1`);
    const found = formErrors(result.error, fieldOf, tc('somethingWentWrong'));
    setOtp('');
    setErrors(found);
    // An error about an earlier answer goes back to its page.
    const first = found.find((e) => e.target && e.target !== 'otp')?.target;
    if (first) setStep(first.startsWith('agent-') ? 'agents' : first === 'validTo' ? 'duration' : 'powers');
  };

  const back = (to: Step | null) =>
    to ? (
      <button type="button" className="link-button back-link" onClick={() => go(to)}>
        {tc('back')}
      </button>
    ) : (
      <Link href="/poa" className="back-link">
        {tc('back')}
      </Link>
    );
  const hasErrors = errors.length > 0;
  switch (step) {
    case 'agents':
      return (
        <Page key="agents" title={t('agentsTitle')} hasErrors={hasErrors}>
          {back(null)}
          <AgentsStep
            agents={agents}
            max={data.powerOfAttorneyLimits.agents.max}
            onChange={setAgents}
            errors={errors}
            onContinue={checkAgents}
          />
        </Page>
      );
    case 'powers':
      return (
        <Page key="powers" title={t('powersTitle')} hasErrors={hasErrors}>
          {back('agents')}
          <PowersStep
            catalogue={catalogue}
            powers={powers}
            canDelegate={canDelegate}
            onChange={setPowers}
            onDelegate={setCanDelegate}
            errors={errors}
            onContinue={checkPowers}
          />
        </Page>
      );
    case 'duration':
      return (
        <Page key="duration" title={t('durationTitle')} hasErrors={hasErrors}>
          {back('powers')}
          <DurationStep
            validTo={validTo}
            years={t('years', { count: maxYears })}
            maxDay={maxDay}
            maxLabel={dayLabel(maxDay)}
            onChange={setValidTo}
            errors={errors}
            onContinue={checkDuration}
          />
        </Page>
      );
    case 'check': {
      const powerNames = catalogue.filter((c) => powers.includes(c.code)).map((c) => (lang === 'ar' ? c.nameAr : c.nameEn));
      const row = (label: string, value: ComponentChild, to?: Step) => (
        <div>
          <dt>{label}</dt>
          <dd>{value}</dd>
          {to && (
            <dd>
              <button type="button" className="link-button" onClick={() => go(to)} aria-label={t('changeThing', { thing: label })}>
                {t('change')}
              </button>
            </dd>
          )}
        </div>
      );
      return (
        <Page key="check" title={t('checkTitle')} hasErrors={hasErrors}>
          {back('duration')}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <ErrorSummary errors={errors} />
            <dl className="summary-list summary-list--actions">
              {row(t('principal'), lang === 'ar' ? me.nameAr : me.nameEn)}
              {row(t('agents'), names(agents, lang), 'agents')}
              {row(t('powers'), new Intl.ListFormat(lang).format(powerNames), 'powers')}
              {row(t('delegation'), canDelegate ? t('delegationYes') : t('delegationNo'), 'powers')}
              {row(t('validity'), <DualDate value={`${validTo}T12:00:00+03:00`} />, 'duration')}
              {fee > 0 &&
                row(
                  t('fee'),
                  <>
                    {formatMoney(fee, lang)}
                    <p className="hint">{t('feeHint')}</p>
                  </>,
                )}
            </dl>
            <h2 className="heading-m">{t('otpTitle')}</h2>
            <OtpField id="otp" label={t('otp')} hint={t('otpHint')} error={errorFor(errors, 'otp')} value={otp} onInput={setOtp} />
            <button type="submit" className="button" disabled={issuing}>
              {t('issue')}
            </button>
          </form>
        </Page>
      );
    }
  }
}
