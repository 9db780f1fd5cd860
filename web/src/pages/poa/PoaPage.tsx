/**
 * One power of attorney (docs/domain.md, "Powers of attorney"): its people, powers and validity;
 * for a principal, its verification code, the fee while unpaid, the confirmation a co-principal
 * gives within its window, and the way to revoke it.
 */
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '@urql/preact';
import { Link, useParams, useSearchParams } from 'wouter-preact';
import { CodeForm } from '../../components/CodeForm';
import { DualDate } from '../../components/DualDate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { ltr } from '../../lib/format';
import { formErrors, type FormError } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { isNotFound } from '../../lib/not-found';
import { useSession } from '../../lib/session';
import { poaActMessages } from './acts-messages';
import { poaMessages } from './messages';
import { POA_DETAILS, type PoaData } from './poa-query';
import { personName, stateTag } from './poa-view';

const CONFIRM = graphql(`
  mutation ConfirmPowerOfAttorney($input: ConfirmPowerOfAttorneyInput!) {
    confirmPowerOfAttorney(input: $input) {
      id
      state
    }
  }
`);

const PAY = graphql(`
  mutation PayPoaFee($id: ID!) {
    payBill(id: $id) {
      paymentUrl
    }
  }
`);

export default function PoaPage() {
  const t = useT(poaMessages);
  const tc = useT(common);
  const lang = useLang();
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const session = useSession();
  const [{ data, error, fetching }, refresh] = useQuery({ query: POA_DETAILS, variables: { id } });
  const [confirmed, setConfirmed] = useState(false);
  if (session.status === 'anonymous') return null;
  if (fetching && !data) return <Loading />;
  if (!data) return isNotFound(error) ? <PoaNotFound /> : <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const p = data.powerOfAttorney;
  const me = session.auth.user.nationalId;
  const principal = p.principals.find((x) => x.nationalId === me);
  const unpaid = p.bills.find((b) => b.state === 'UNPAID');
  return (
    <Page title={t('title', { number: ltr(p.number) })} wide>
      <Link href="/poa" className="back-link">
        {t('backToList')}
      </Link>
      {params.get('issued') && (
        <div className="success" role="status">
          <p>{t('issuedNotice', { number: ltr(p.number) })}</p>
        </div>
      )}
      {confirmed && (
        <div className="success" role="status">
          <p>{t('confirmedNotice')}</p>
        </div>
      )}
      {params.get('revoked') && (
        <div className="success" role="status">
          <p>{t('revokedNotice')}</p>
        </div>
      )}
      <dl className="summary-list">
        <div>
          <dt>{t('state')}</dt>
          <dd>{stateTag(p.state, t)}</dd>
        </div>
        <div>
          <dt>{t('issuance')}</dt>
          <dd>{t(`issuance_${p.issuance}`)}</dd>
        </div>
        <div>
          <dt>{t('validFrom')}</dt>
          <dd>
            <DualDate value={p.validFrom} />
          </dd>
        </div>
        <div>
          <dt>{t('validTo')}</dt>
          <dd>
            <DualDate value={p.validTo} />
          </dd>
        </div>
        <div>
          <dt>{t('canDelegate')}</dt>
          <dd>{p.canDelegate ? t('canDelegateYes') : t('canDelegateNo')}</dd>
        </div>
        {p.verificationCode && (
          <div>
            <dt>{t('verificationCode')}</dt>
            <dd>
              <span className="ltr code">{p.verificationCode}</span>
              <p className="hint">{t('verificationHint')}</p>
            </dd>
          </div>
        )}
        {p.endReason && (
          <div>
            <dt>{t('endReason')}</dt>
            <dd>{p.endReason}</dd>
          </div>
        )}
      </dl>
      {principal && !principal.confirmedAt && p.state === 'DRAFT' && p.confirmBy && (
        <ConfirmPanel
          p={p}
          hours={data.powerOfAttorneyLimits.confirmation.hours}
          onDone={() => {
            setConfirmed(true);
            refresh({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {unpaid && <FeePanel billId={unpaid.id} amount={formatMoney(unpaid.amount, lang)} dueAt={unpaid.dueAt} />}
      <People p={p} />
      <h2 className="heading-m">{t('powers')}</h2>
      <ul className="list">
        {p.powers.map((power) => (
          <li key={power.id}>
            {lang === 'ar' ? power.nameAr : power.nameEn} {power.revokedAt && <span className="tag tag--red">{t('powerRevoked')}</span>}
          </li>
        ))}
      </ul>
      {principal && p.state === 'ACTIVE' && (
        <Link href={`/poa/${p.id}/revoke`} className="button button--warning">
          {t('revoke')}
        </Link>
      )}
    </Page>
  );
}

export function PoaNotFound() {
  const t = useT(poaMessages);
  return (
    <Page title={t('notFoundTitle')}>
      <p>{t('notFoundBody')}</p>
      <Link href="/poa">{t('backToList')}</Link>
    </Page>
  );
}

function People({ p }: { p: PoaData }) {
  const t = useT(poaMessages);
  const lang = useLang();
  return (
    <>
      <table className="table">
        <caption>{t('principals')}</caption>
        <tbody>
          {p.principals.map((x) => (
            <tr key={x.id}>
              <th scope="row">{personName(x, lang)}</th>
              <td>
                <span className="ltr">{x.nationalId}</span>
              </td>
              <td>{x.confirmedAt ? t('confirmed') : t('awaitingConfirmation')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table">
        <caption>{t('agents')}</caption>
        <tbody>
          {p.agents.map((x) => (
            <tr key={x.id}>
              <th scope="row">{personName(x, lang)}</th>
              <td>
                <span className="ltr">{x.nationalId}</span>
              </td>
              <td>{t(`agentState_${x.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A co-principal confirms a self-issued draft with a fresh code, within its window. */
function ConfirmPanel({ p, hours, onDone }: { p: PoaData; hours: number; onDone: () => void }) {
  const t = useT(poaActMessages);
  const [{ fetching }, confirm] = useMutation(CONFIRM);
  return (
    <CodeForm
      id="confirm"
      title={t('confirmTitle')}
      label={t('otp')}
      hint={t('otpHint')}
      missing={t('otpMissing')}
      submitLabel={t('confirm')}
      busy={fetching}
      send={async (otp) => (await confirm({ input: { id: p.id, otp } })).error}
      onDone={onDone}
    >
      <p>{t('confirmBody', { hours })}</p>
      <p className="deadline">
        <DualDate value={p.confirmBy!} withTime />
      </p>
    </CodeForm>
  );
}

/** The fee of issuing it, paid at the gateway's page (docs/payments.md). */
function FeePanel({ billId, amount, dueAt }: { billId: string; amount: string; dueAt: string }) {
  const t = useT(poaMessages);
  const tc = useT(common);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching }, pay] = useMutation(PAY);
  const start = async () => {
    const result = await pay({ id: billId });
    if (result.data) return window.location.assign(result.data.payBill.paymentUrl);
    setErrors(formErrors(result.error, () => null, tc('somethingWentWrong')));
  };
  return (
    <div className="panel" aria-labelledby="fee-title">
      <h2 id="fee-title" className="heading-m">
        {t('feeTitle')}
      </h2>
      <ErrorSummary errors={errors} />
      <p>
        {t('feeBody', { amount })} <DualDate value={dueAt} withTime />
      </p>
      <button type="button" className="button" disabled={fetching} onClick={() => void start()}>
        {t('pay')}
      </button>
    </div>
  );
}
