/**
 * A filing's receipt, `/file/receipt/:id`, where the gateway sends the payer back (by way of
 * /payments/return, which adds what it learnt in `payment`): sent, with the fee paid and what
 * happens next; or still waiting for its fee — the confirmation on its way (the page asks again
 * for a while), or the payment failed — with the button that pays it.
 */
import { useClient, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { Link, useParams, useSearchParams } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { formErrors, type FormError } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import NotFoundPage from '../NotFoundPage';
import { COURT_NAME, PAY_FEE, receiptPath } from './queries';
import { receiptMessages } from './receipt-messages';

const RECEIPT = graphql(`
  query FilingReceipt($id: ID!) {
    lawsuit(id: $id) {
      id
      state
      subject
      courtId
      submittedAt
      feeAmount
      feeExempt
      bills {
        id
        number
        purpose
        state
        amount
        dueAt
        paidAt
      }
    }
  }
`);

const PAYMENT_RECEIPTS = graphql(`
  query FeeReceipts($billId: ID!) {
    documents(instrumentId: $billId, kind: PAYMENT_RECEIPT) {
      id
      language
      state
      pdfLink
    }
  }
`);

/** How often, and how long, the page asks again while the gateway's confirmation is on its way. */
const POLL_MS = 1500;
const POLLS = 20;

export default function ReceiptPage() {
  const { id = '' } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const t = useT(receiptMessages);
  const tc = useT(common);
  const lang = useLang();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: RECEIPT, variables: { id }, requestPolicy: 'network-only' });
  const lawsuit = data?.lawsuit;
  const fee = lawsuit?.bills.filter((b) => b.purpose === 'FILING_FEE').at(-1);
  const [{ data: court }] = useQuery({ query: COURT_NAME, variables: { id: lawsuit?.courtId ?? '' }, pause: !lawsuit });
  const [{ data: receipts }] = useQuery({ query: PAYMENT_RECEIPTS, variables: { billId: fee?.id ?? '' }, pause: fee?.state !== 'PAID' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [paying, setPaying] = useState(false);
  const failed = params.get('payment') === 'failed';
  const waiting = lawsuit?.state === 'AWAITING_PAYMENT' && !failed && params.has('payment');

  useEffect(() => {
    if (!waiting) return;
    let polls = 0;
    const timer = setInterval(() => {
      if (++polls > POLLS) return clearInterval(timer);
      refetch({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, refetch]);

  if (error) return <NotFoundPage />;
  if (!lawsuit) return <Loading />;
  const name = (c: { nameAr: string; nameEn: string }) => (lang === 'ar' ? c.nameAr : c.nameEn);

  if (lawsuit.state === 'DRAFT' || lawsuit.state === 'RETURNED') {
    return (
      <Page title={t('notSentTitle')}>
        <Link href={lawsuit.state === 'RETURNED' ? `/cases/${lawsuit.id}/correct` : '/file'} className="button">
          {t('continueFiling')}
        </Link>
      </Page>
    );
  }

  if (lawsuit.state === 'AWAITING_PAYMENT') {
    const pay = async () => {
      if (!fee) return;
      setPaying(true);
      const result = await client.mutation(PAY_FEE, { id: fee.id, returnTo: receiptPath(lawsuit.id) }).toPromise();
      if (result.data) return window.location.assign(result.data.payBill.paymentUrl);
      setPaying(false);
      setErrors(formErrors(result.error, () => null, tc('somethingWentWrong')));
    };
    return (
      <Page title={failed ? t('failedTitle') : t('awaitingTitle')} hasErrors={errors.length > 0}>
        <ErrorSummary errors={errors} />
        {failed ? (
          <p className="notice notice--warning">{t('failedBody')}</p>
        ) : (
          waiting && (
            <p className="notice" role="status">
              {t('pendingBody')}
            </p>
          )
        )}
        {fee && (
          <dl className="summary-list">
            <div>
              <dt>{t('claim')}</dt>
              <dd>{lawsuit.subject}</dd>
            </div>
            <div>
              <dt>{t('feeDue')}</dt>
              <dd>{formatMoney(fee.amount, lang)}</dd>
            </div>
            <div>
              <dt>{t('billNumber')}</dt>
              <dd className="ltr">{fee.number}</dd>
            </div>
            <div>
              <dt>{t('payBy')}</dt>
              <dd>
                <DualDate value={fee.dueAt} />
              </dd>
            </div>
          </dl>
        )}
        <button type="button" className="button" disabled={paying || !fee} onClick={() => void pay()}>
          {t('payNow')}
        </button>
      </Page>
    );
  }

  const pdf = receipts?.documents.find((d) => d.language === (lang === 'ar' ? 'AR' : 'EN') && d.state === 'READY' && d.pdfLink);
  return (
    <Page title={t('sentTitle')}>
      <div className="panel panel--confirmation">
        <p className="lead">{t('sentLead')}</p>
        {fee?.state === 'PAID' && (
          <>
            <p>{t('billNumber')}</p>
            <p className="panel__reference ltr">{fee.number}</p>
          </>
        )}
      </div>
      <dl className="summary-list">
        <div>
          <dt>{t('claim')}</dt>
          <dd>{lawsuit.subject}</dd>
        </div>
        <div>
          <dt>{t('court')}</dt>
          <dd>{court ? name(court.court) : ''}</dd>
        </div>
        {lawsuit.submittedAt && (
          <div>
            <dt>{t('sentOn')}</dt>
            <dd>
              <DualDate value={lawsuit.submittedAt} withTime />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('feePaid')}</dt>
          <dd>{fee?.state === 'PAID' ? formatMoney(fee.amount, lang) : t('noFee')}</dd>
        </div>
        {fee?.paidAt && (
          <div>
            <dt>{t('paidOn')}</dt>
            <dd>
              <DualDate value={fee.paidAt} withTime />
            </dd>
          </div>
        )}
      </dl>
      {fee?.state === 'PAID' &&
        (pdf?.pdfLink ? (
          <p>
            <a href={pdf.pdfLink}>{t('receiptPdf')}</a>
          </p>
        ) : (
          <p className="hint">{t('receiptPending')}</p>
        ))}
      <h2 className="heading-m">{t('nextTitle')}</h2>
      <p>{t('nextBody')}</p>
      <Link href="/dashboard" className="button">
        {t('toDashboard')}
      </Link>
    </Page>
  );
}
