/**
 * The judgment (docs/domain.md, "Judgments, objections and execution"): what it rules, the
 * caller's own objection window with its deadline as the API explains it (Gregorian and Hijri),
 * the way to object while it is open, objections and their decisions, and execution once final.
 */
import { useState } from 'preact/hooks';
import { useMutation } from '@urql/preact';
import { Link } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { formatMoney, ltr } from '../../lib/format';
import { formErrors, type FormError } from '../../lib/errors';
import type { CaseData } from './case-query';
import { caseMessages } from './messages';
import { myParty, partyName, winningSide, type Me } from './parties';

const REQUEST_EXECUTION = graphql(`
  mutation RequestExecution($lawsuitId: ID!) {
    requestExecution(lawsuitId: $lawsuitId) {
      id
    }
  }
`);

export function JudgmentSection({ c, me, onChange }: { c: CaseData; me: Me; onChange: () => void }) {
  const t = useT(caseMessages);
  const lang = useLang();
  const j = c.judgment;
  const nameOf = (partyId: string) => {
    const party = c.parties.find((p) => p.id === partyId);
    return party ? partyName(party, lang) : t('unknownParty');
  };
  return (
    <section aria-labelledby="judgment-title">
      <h2 id="judgment-title" className="heading-l">
        {t('judgment')}
      </h2>
      {!j ? (
        <p>{t('noJudgment')}</p>
      ) : (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('issuedAt')}</dt>
              <dd>
                <DualDate value={j.issuedAt} />
              </dd>
            </div>
            <div>
              <dt>{t('inFavourOf')}</dt>
              <dd>{t(`side_${j.inFavourOf}`)}</dd>
            </div>
            {typeof j.amountAwarded === 'number' && (
              <div>
                <dt>{t('amountAwarded')}</dt>
                <dd>{formatMoney(j.amountAwarded, lang)}</dd>
              </div>
            )}
            <div>
              <dt>{t('ruling')}</dt>
              <dd className="pre-line">{j.ruling}</dd>
            </div>
            <div>
              <dt>{t('summary')}</dt>
              <dd className="pre-line">{j.summary}</dd>
            </div>
            <div>
              <dt>{t('reasoning')}</dt>
              <dd className="pre-line">{j.reasoning}</dd>
            </div>
            {j.finalAt && (
              <div>
                <dt>{t('finalAt')}</dt>
                <dd>
                  <DualDate value={j.finalAt} />
                </dd>
              </div>
            )}
          </dl>
          <ObjectionWindow c={c} />
          {c.objections.length > 0 && (
            <>
              <h3 className="heading-m">{t('objections')}</h3>
              <ul className="list">
                {c.objections.map((o) => (
                  <li key={o.id}>
                    {t('objectionBy', { name: nameOf(o.partyId) })} <DualDate value={o.createdAt} />
                    <br />
                    <span className="hint">{o.decision ? t(`decision_${o.decision}`) : t('pendingDecision')}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <Execution c={c} me={me} onChange={onChange} />
        </>
      )}
    </section>
  );
}

function ObjectionWindow({ c }: { c: CaseData }) {
  const t = useT(caseMessages);
  const lang = useLang();
  const w = c.judgment?.myObjectionWindow;
  if (!w) return null;
  const mine = c.objections.find((o) => o.partyId === w.partyId);
  return (
    <div className="panel" aria-labelledby="window-title">
      <h3 id="window-title" className="heading-s">
        {t('yourWindow')}
      </h3>
      {mine ? (
        <p>
          {t('youObjected')} <DualDate value={mine.createdAt} withTime />
        </p>
      ) : w.state === 'NOT_SERVED' || w.state === 'ACCEPTED' ? (
        <p>{t(`window_${w.state}`)}</p>
      ) : (
        <>
          <p>{t(`window_${w.state}`)}</p>
          {w.deadline && (
            <>
              <p className="deadline">
                <DualDate value={w.deadline.dueAt} withTime hijri={lang === 'ar' ? w.deadline.dueOnHijriAr : w.deadline.dueOnHijriEn} />
              </p>
              <p className="hint">{t('windowRule', { days: w.deadline.days, reference: ltr(w.deadline.rule.reference) })}</p>
            </>
          )}
          {w.state === 'OPEN' && c.state !== 'FINAL' && (
            <Link href={`/cases/${c.id}/object`} className="button">
              {t('objectAction')}
            </Link>
          )}
        </>
      )}
    </div>
  );
}

function Execution({ c, me, onChange }: { c: CaseData; me: Me; onChange: () => void }) {
  const t = useT(caseMessages);
  const tc = useT(common);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching }, request] = useMutation(REQUEST_EXECUTION);
  const requested = c.executionRequests[0];
  const mySide = c.judgment?.myObjectionWindow?.side ?? myParty(c, me)?.side;
  if (!requested && !(c.state === 'FINAL' && mySide && mySide === winningSide(c))) return null;
  const submit = async () => {
    const result = await request({ lawsuitId: c.id });
    if (result.error) return setErrors(formErrors(result.error, () => null, tc('somethingWentWrong')));
    setErrors([]);
    onChange();
  };
  return (
    <div className="panel" aria-labelledby="execution-title">
      <h3 id="execution-title" className="heading-s">
        {t('execution')}
      </h3>
      {requested ? (
        <p>
          {t('executionRequested')} <DualDate value={requested.createdAt} withTime />
        </p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <p>{t('executionHint')}</p>
          <button type="button" className="button" disabled={fetching} onClick={() => void submit()}>
            {t('requestExecution')}
          </button>
        </>
      )}
    </div>
  );
}
