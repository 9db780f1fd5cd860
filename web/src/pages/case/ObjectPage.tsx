/**
 * Objecting to a judgment (docs/domain.md, "Judgments, objections and execution"): the grounds,
 * then a check of the answers with the deadline before filing; errors in a summary naming the
 * field. The party objects once, while its own window is open.
 */
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '@urql/preact';
import { Link, useLocation, useParams } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { TextArea } from '../../components/TextArea';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { formErrors, type FormError } from '../../lib/errors';
import { ltr } from '../../lib/format';
import { isNotFound } from '../../lib/not-found';
import { CaseNotFound } from './CasePage';
import { objectMessages } from './object-messages';

const OBJECTION_CASE = graphql(`
  query ObjectionCase($id: ID!) {
    lawsuit(id: $id) {
      id
      caseNumber
      judgment {
        id
        myObjectionWindow {
          partyId
          state
          deadline {
            dueAt
            dueOnHijriAr
            dueOnHijriEn
          }
        }
      }
      objections {
        id
        partyId
      }
    }
  }
`);

const FILE_OBJECTION = graphql(`
  mutation FileObjection($input: FileObjectionInput!) {
    fileObjection(input: $input) {
      id
    }
  }
`);

const MIN_GROUNDS = 10;

export default function ObjectPage() {
  const t = useT(objectMessages);
  const tc = useT(common);
  const lang = useLang();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: OBJECTION_CASE, variables: { id } });
  const [step, setStep] = useState<'grounds' | 'check'>('grounds');
  const [grounds, setGrounds] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching: filing }, file] = useMutation(FILE_OBJECTION);
  if (fetching && !data) return <Loading />;
  if (!data) return isNotFound(error) ? <CaseNotFound /> : <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const c = data.lawsuit;
  const w = c.judgment?.myObjectionWindow;
  const title = t('title', { number: ltr(c.caseNumber ?? '') });
  const back = (
    <Link href={`/cases/${c.id}`} className="back-link">
      {t('backToCase')}
    </Link>
  );
  if (!w || w.state !== 'OPEN' || c.objections.some((o) => o.partyId === w.partyId))
    return (
      <Page title={title}>
        {back}
        <p>{t('notOpen')}</p>
      </Page>
    );

  const toCheck = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = grounds.trim();
    if (!text) return setErrors([{ target: 'grounds', message: t('groundsMissing') }]);
    if (text.length < MIN_GROUNDS) return setErrors([{ target: 'grounds', message: t('groundsShort') }]);
    setErrors([]);
    setStep('check');
  };
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await file({ input: { lawsuitId: c.id, reasons: grounds.trim() } });
    if (result.data) return navigate(`/cases/${c.id}?objected=1`);
    const found = formErrors(result.error, (field) => (field === 'input.reasons' ? 'grounds' : null), tc('somethingWentWrong'));
    setErrors(found);
    if (found.some((e) => e.target === 'grounds')) setStep('grounds');
  };

  if (step === 'grounds')
    return (
      <Page key="grounds" title={title} hasErrors={errors.length > 0}>
        {back}
        <form onSubmit={toCheck} noValidate>
          <ErrorSummary errors={errors} />
          <TextArea
            id="grounds"
            label={t('grounds')}
            hint={t('groundsHint')}
            error={errorFor(errors, 'grounds')}
            value={grounds}
            onInput={(e) => setGrounds(e.currentTarget.value)}
            rows={8}
          />
          <button type="submit" className="button">
            {tc('continue')}
          </button>
        </form>
      </Page>
    );
  return (
    <Page key="check" title={t('checkTitle')} hasErrors={errors.length > 0}>
      <button type="button" className="link-button back-link" onClick={() => setStep('grounds')}>
        {tc('back')}
      </button>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorSummary errors={errors} />
        <dl className="summary-list summary-list--actions">
          <div>
            <dt>{t('case')}</dt>
            <dd>
              <span className="ltr">{c.caseNumber}</span>
            </dd>
          </div>
          {w.deadline && (
            <div>
              <dt>{t('deadline')}</dt>
              <dd>
                <DualDate value={w.deadline.dueAt} withTime hijri={lang === 'ar' ? w.deadline.dueOnHijriAr : w.deadline.dueOnHijriEn} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('grounds')}</dt>
            <dd className="pre-line">{grounds.trim()}</dd>
            <dd>
              <button type="button" className="link-button" onClick={() => setStep('grounds')} aria-label={t('changeGrounds')}>
                {t('change')}
              </button>
            </dd>
          </div>
        </dl>
        <p className="notice">{t('onlyOnce')}</p>
        <button type="submit" className="button" disabled={filing}>
          {t('submit')}
        </button>
      </form>
    </Page>
  );
}
