/**
 * Check your answers: the filing is saved on the server first (filed as a draft, or corrected), so
 * that the page shows it as the court will read it — the parties as the API gives them, their
 * national IDs masked but for the filer's own — and the fee the API worked out. What the API
 * refuses goes back to the page that fixes it. Sending submits the filing and, when a fee is due,
 * opens its payment at the gateway, which comes back to the receipt.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useClient, useQuery } from '@urql/preact';
import { Link, useLocation } from 'wouter-preact';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Page } from '../../../components/Page';
import type { FilingContentFragment } from '../../../gql/graphql';
import { common } from '../../../i18n/common';
import { type Translate, useLang, useT } from '../../../i18n/i18n';
import { formErrors, type FormError } from '../../../lib/errors';
import { formatBytes, formatMoney } from '../../../lib/format';
import { afterSave, clearDraft, type DraftName, filingInput } from '../draft';
import type { Refusals, StepProps } from '../FilingWizard';
import { fileMessages } from '../messages';
import { COURT_NAME, CORRECT_CLAIM, FILE_CLAIM, FILED, PAY_FEE, receiptPath, SUBMIT_CLAIM } from '../queries';
import { controlOf, type StepId } from '../steps';

interface Props extends StepProps {
  name: DraftName;
  base: string;
  refused: (found: Refusals) => void;
}

export function CheckStep({ draft, update, me, apiErrors, notice, name, base, refused }: Props) {
  const t = useT(fileMessages);
  const tc = useT(common);
  const lang = useLang();
  const client = useClient();
  const [, navigate] = useLocation();
  const [lawsuit, setLawsuit] = useState<FilingContentFragment | null>(null);
  const [errors, setErrors] = useState<FormError[]>(apiErrors);
  const [busy, setBusy] = useState(false);
  const [{ data: court }] = useQuery({ query: COURT_NAME, variables: { id: lawsuit?.courtId ?? '' }, pause: !lawsuit });
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // Opened before its first questions were answered (a bookmark, another tab): back to them.
    if (!draft.category) return refused({ category: [{ target: 'category', message: t('categoryMissing') }] });
    if (!draft.routing) return refused({ court: [{ target: 'routing', message: t('routingMissing') }] });
    void (async () => {
      const input = filingInput(draft, me);
      const saved = !draft.lawsuitId
        ? await client
            .mutation(FILE_CLAIM, { input })
            .toPromise()
            .then((r) => r.data?.fileLawsuit ?? fail(r.error))
        : JSON.stringify(input) !== draft.saved
          ? await client
              .mutation(CORRECT_CLAIM, { input: { ...input, id: draft.lawsuitId, version: draft.version! } })
              .toPromise()
              .then((r) => r.data?.correctLawsuit ?? fail(r.error))
          : await client
              .query(FILED, { id: draft.lawsuitId }, { requestPolicy: 'network-only' })
              .toPromise()
              .then((r) => r.data?.lawsuit ?? fail(r.error));
      setLawsuit(saved);
      update((d) => afterSave(d, saved, me));
    })().catch((error: Parameters<typeof formErrors>[0]) => {
      const found = refusalsOf(error, t, tc('somethingWentWrong'));
      if (Object.keys(found).some((s) => s !== 'check')) return refused(found);
      setErrors(found.check ?? []);
    });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- saved once, as the page opens

  const send = async () => {
    if (!lawsuit) return;
    setBusy(true);
    const submitted = await client.mutation(SUBMIT_CLAIM, { id: lawsuit.id }).toPromise();
    const filed = submitted.data?.submitLawsuit;
    if (!filed) {
      setBusy(false);
      return setErrors(formErrors(submitted.error, () => null, tc('somethingWentWrong')));
    }
    clearDraft(me.id, name);
    const bill = filed.bills.find((b) => b.state === 'UNPAID');
    if (filed.state === 'AWAITING_PAYMENT' && bill) {
      const payment = await client.mutation(PAY_FEE, { id: bill.id, returnTo: receiptPath(filed.id) }).toPromise();
      if (payment.data) return window.location.assign(payment.data.payBill.paymentUrl);
    }
    navigate(receiptPath(filed.id));
  };

  if (!lawsuit) {
    return (
      <Page title={t('checkTitle')} hasErrors={errors.length > 0}>
        {notice}
        <ErrorSummary errors={errors} />
        {!errors.length && (
          <p className="loading" role="status">
            {t('saving')}
          </p>
        )}
      </Page>
    );
  }

  const row = (label: string, value: ComponentChildren, step: StepId) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="summary-list__actions">
        <Link href={`${base}/${step}?from=check`}>
          {t('change')}
          <span className="visually-hidden"> {label}</span>
        </Link>
      </dd>
    </div>
  );
  const name_ = (p: { nameAr: string; nameEn: string }) => (lang === 'ar' ? p.nameAr : p.nameEn);
  const parties = (side: 'CLAIMANT' | 'DEFENDANT') => (
    <ul className="list-plain">
      {lawsuit.parties
        .filter((p) => p.side === side)
        .map((p) => (
          <li key={p.id}>
            {name_(p)} <bdi className="ltr">{p.nationalId ?? p.organizationNumber}</bdi>
          </li>
        ))}
    </ul>
  );
  const due = lawsuit.feeAmount > 0 && !lawsuit.feeExempt;
  return (
    <Page title={t('checkTitle')} hasErrors={errors.length > 0}>
      {notice}
      <ErrorSummary errors={errors} />
      <dl className="summary-list summary-list--actions">
        {row(t('field_CATEGORY'), t(`category_${lawsuit.category}`), 'category')}
        {row(t('field_COURT'), court ? name_(court.court) : '', 'court')}
        {row(t('claimants'), parties('CLAIMANT'), 'claimants')}
        {row(t('defendants'), parties('DEFENDANT'), 'defendants')}
        {row(
          t('claims'),
          <ol className="list-plain">
            {lawsuit.claims.map((c, i) => (
              <li key={i}>
                {c.description}
                {c.amount !== null && c.amount !== undefined && ` — ${formatMoney(c.amount, lang)}`}
              </li>
            ))}
          </ol>,
          'claims',
        )}
        {row(t('subject'), lawsuit.subject, 'facts')}
        {row(t('facts'), <p className="pre-wrap">{lawsuit.facts}</p>, 'facts')}
        {row(
          t('documents'),
          lawsuit.attachments.length ? (
            <ul className="list-plain">
              {lawsuit.attachments.map((a, i) => (
                <li key={i}>
                  {a.fileName} <span className="hint">{formatBytes(a.sizeBytes, lang)}</span>
                </li>
              ))}
            </ul>
          ) : (
            tc('notProvided')
          ),
          'attachments',
        )}
      </dl>
      <h2 className="heading-m">{t('feeTitle')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('claimedAmount')}</dt>
          <dd>{formatMoney(lawsuit.claimedAmount, lang)}</dd>
        </div>
        <div>
          <dt>{t('feeAmount')}</dt>
          <dd>{due ? <strong>{formatMoney(lawsuit.feeAmount, lang)}</strong> : t('feeExempt')}</dd>
        </div>
      </dl>
      {due && <p className="hint">{t('feeHint')}</p>}
      <p>{t('declaration')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void send()}>
        {due && !draft.returned ? t('submitAndPay') : t('submit')}
      </button>
    </Page>
  );
}

function fail(error: unknown): never {
  throw error;
}

/** The API's refusals by the page that fixes each, named by the control's party, request or label. */
function refusalsOf(error: Parameters<typeof formErrors>[0], t: Translate<typeof fileMessages.ar>, fallback: string): Refusals {
  const found: Refusals = {};
  for (const e of formErrors(error, (field) => field, fallback)) {
    const at = e.target ? controlOf(e.target) : null;
    const step = at?.step ?? 'check';
    const who = at?.control ? whoOf(at.control, t) : null;
    (found[step] ??= []).push({ target: at?.control ?? null, message: who ? t('partyProblem', { who, problem: e.message }) : e.message });
  }
  return found;
}

function whoOf(control: string, t: Translate<typeof fileMessages.ar>): string | null {
  const [, kind, index] = /^(claimant|defendant|claim)-(\d+)-/.exec(control) ?? [];
  if (kind === 'claimant') return t('claimantN', { n: Number(index) + 2 });
  if (kind === 'defendant') return t('defendantN', { n: Number(index) + 1 });
  if (kind === 'claim') return t('claimN', { n: Number(index) + 1 });
  const labels: Record<string, string> = {
    category: t('field_CATEGORY'),
    courtId: t('court'),
    city: t('city'),
    subject: t('subject'),
    facts: t('facts'),
    files: t('documents'),
  };
  return labels[control] ?? null;
}
