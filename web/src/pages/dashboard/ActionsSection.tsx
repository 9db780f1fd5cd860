/**
 * What is waiting for the person, soonest first: the agenda's actions (pay a bill, object or
 * accept, file a defence, answer a waiver, resume a case, finish a draft, check in to a hearing),
 * then the settlements waiting for their consent and the contracts waiting for their signature.
 * Each leads to where it is done; a bill is paid at the gateway's page.
 */
import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { graphql } from '../../gql';
import type { DashboardQuery } from '../../gql/graphql';
import { useLang, useT } from '../../i18n/i18n';
import { isolateCodes, ltr } from '../../lib/format';
import { CheckInButton } from './CheckInButton';
import { dashboardMessages } from './messages';
import { type ContractItem, contractsToSign, type Me, settlementsToAnswer, type WithSettlements, webAddress } from './mine';

type Action = DashboardQuery['myAgenda']['actions'][number];

const PAY_BILL = graphql(`
  mutation PayBill($id: ID!) {
    payBill(id: $id) {
      paymentUrl
    }
  }
`);

interface Props {
  actions: Action[];
  lawsuits: WithSettlements[];
  contracts: ContractItem[];
  me: Me;
}

export function ActionsSection({ actions, lawsuits, contracts, me }: Props) {
  const t = useT(dashboardMessages);
  const lang = useLang();
  const settlements = settlementsToAnswer(lawsuits, me);
  const toSign = contractsToSign(contracts, me);
  const none = !actions.length && !settlements.length && !toSign.length;
  return (
    <section className="dashboard__section" aria-labelledby="actions-title">
      <h2 id="actions-title" className="heading-m">
        {t('actionsTitle')}
      </h2>
      {none ? (
        <p>{t('noActions')}</p>
      ) : (
        <ul className="dash-list">
          {actions.map((a) => (
            <li key={`${a.kind}-${a.subjectId}`} className="dash-item">
              <ActionItem action={a} title={isolateCodes(lang === 'ar' ? a.titleAr : a.titleEn)} />
            </li>
          ))}
          {settlements.map(({ settlementId, lawsuit }) => (
            <li key={settlementId} className="dash-item">
              <Link href={`/cases/${lawsuit.id}`}>{t('answerSettlement', { caseNumber: ltr(lawsuit.caseNumber ?? '') })}</Link>
            </li>
          ))}
          {toSign.map((c) => (
            <li key={c.id} className="dash-item">
              <Link href={`/contracts/${c.id}`}>{t('signContract', { number: ltr(c.number) })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionItem({ action: a, title }: { action: Action; title: string }) {
  const t = useT(dashboardMessages);
  const due = a.dueAt && (
    <p className="hint">
      {`${t('dueBy')} `}
      <DualDate value={a.dueAt} withTime />
    </p>
  );
  switch (a.kind) {
    case 'PAY_BILL':
      return (
        <>
          <p className="dash-item__title" id={`action-${a.subjectId}`}>
            {title}
          </p>
          {due}
          <PayButton billId={a.subjectId} describedBy={`action-${a.subjectId}`} />
        </>
      );
    case 'REGISTER_ATTENDANCE':
      return (
        <>
          <p className="dash-item__title">{title}</p>
          {due}
          <CheckInButton hearingId={a.subjectId} caseNumber={a.caseNumber ?? ''} />
        </>
      );
    case 'ANSWER_WAIVER':
    case 'FILE_DEFENCE':
    case 'OBJECT_OR_ACCEPT':
    case 'RESUME_CASE':
    case 'SUBMIT_LAWSUIT':
      return (
        <>
          <Link href={`/cases/${a.lawsuitId ?? a.subjectId}`} className="dash-item__title">
            {title}
          </Link>
          {due}
        </>
      );
  }
}

function PayButton({ billId, describedBy }: { billId: string; describedBy: string }) {
  const t = useT(dashboardMessages);
  const [{ fetching }, pay] = useMutation(PAY_BILL);
  const [failed, setFailed] = useState(false);
  const go = async () => {
    const result = await pay({ id: billId });
    const url = webAddress(result.data?.payBill.paymentUrl);
    if (url) return window.location.assign(url);
    setFailed(true);
  };
  return (
    <>
      <button type="button" className="button button--small" disabled={fetching} aria-describedby={describedBy} onClick={() => void go()}>
        {t('payNow')}
      </button>
      {failed && (
        <p className="field__error" role="alert">
          {t('payFailed')}
        </p>
      )}
    </>
  );
}
