/**
 * The case's PDF documents (docs/domain.md, "Documents and verification"): each with its state,
 * a progress bar while the worker renders it (the list is read again every few seconds until none
 * is pending), and a download by its signed link once ready; and a form to request one.
 */
import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useMutation, useQuery } from '@urql/preact';
import { Radios } from '../../components/Choices';
import { ErrorSummary } from '../../components/ErrorSummary';
import { graphql } from '../../gql';
import type { DocumentKind, DocumentLanguage } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { formErrors, type FormError } from '../../lib/errors';
import { formatGregorian } from '../../lib/format';
import { onThisSite } from '../../lib/links';
import type { CaseData } from './case-query';
import { documentMessages } from './documents-messages';

const DOCUMENTS = graphql(`
  query CaseDocuments($id: ID!) {
    documents(instrumentId: $id) {
      id
      kind
      language
      state
      number
      pdfLink
      subjectId
    }
  }
`);

const REQUEST = graphql(`
  mutation RequestCaseDocument($input: RequestDocumentInput!) {
    requestDocument(input: $input) {
      id
      state
    }
  }
`);

/** How often a pending document is looked at again. */
const POLL_MS = 1500;

interface Requestable {
  kind: DocumentKind;
  subjectId: string;
  /** A hearing's start, for its summons and minutes. */
  when?: string;
}

function requestable(c: CaseData): Requestable[] {
  const list: Requestable[] = [];
  if (c.caseNumber) list.push({ kind: 'LAWSUIT_RECEIPT', subjectId: c.id });
  for (const h of c.hearings) {
    if (h.state === 'HELD') list.push({ kind: 'HEARING_MINUTES', subjectId: h.id, when: h.startsAt });
    else list.push({ kind: 'HEARING_SUMMONS', subjectId: h.id, when: h.startsAt });
  }
  if (c.judgment) list.push({ kind: 'JUDGMENT', subjectId: c.judgment.id });
  c.executionRequests.forEach((r) => list.push({ kind: 'EXECUTION_ORDER', subjectId: r.id }));
  c.settlements.filter((s) => s.approvedAt).forEach((s) => list.push({ kind: 'SETTLEMENT', subjectId: s.id }));
  return list;
}

export function DocumentsSection({ c }: { c: CaseData }) {
  const t = useT(documentMessages);
  const [{ data }, refresh] = useQuery({ query: DOCUMENTS, variables: { id: c.id } });
  const [announce, setAnnounce] = useState('');
  const [watching, setWatching] = useState<string | null>(null);
  const documents = data?.documents ?? [];
  const pending = documents.some((d) => d.state === 'PENDING');
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => refresh({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [data, pending, refresh]);
  const kindOf = (kind: DocumentKind) => t(`kind_${kind}`);
  // Tell a screen reader when the document the person asked for is ready.
  const watched = documents.find((d) => d.id === watching);
  useEffect(() => {
    if (watched?.state === 'READY') {
      setAnnounce(t('nowReady', { kind: kindOf(watched.kind), language: t(`lang_${watched.language}`) }));
      setWatching(null);
    }
  }, [watched?.state]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title" className="heading-l">
        {t('title')}
      </h2>
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {documents.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('document')}</th>
              <th scope="col">{t('language')}</th>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>{kindOf(d.kind)}</td>
                <td>{t(`lang_${d.language}`)}</td>
                <td>
                  <span className="ltr">{d.number}</span>
                </td>
                <td>
                  {d.state === 'READY' && d.pdfLink ? (
                    <a href={onThisSite(d.pdfLink)}>{t('download', { kind: kindOf(d.kind), language: t(`lang_${d.language}`) })}</a>
                  ) : d.state === 'FAILED' ? (
                    t('failed')
                  ) : (
                    <>
                      <progress className="progress" aria-label={t('preparing', { kind: kindOf(d.kind) })} />
                      <span>{t('pending')}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('none')}</p>
      )}
      <RequestForm
        c={c}
        onRequested={(id) => {
          setWatching(id);
          setAnnounce('');
          refresh({ requestPolicy: 'network-only' });
        }}
      />
    </section>
  );
}

function RequestForm({ c, onRequested }: { c: CaseData; onRequested: (id: string) => void }) {
  const t = useT(documentMessages);
  const tc = useT(common);
  const lang = useLang();
  const options = requestable(c);
  const [choice, setChoice] = useState('');
  const [language, setLanguage] = useState<DocumentLanguage>(lang === 'ar' ? 'AR' : 'EN');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [{ fetching }, request] = useMutation(REQUEST);
  if (!options.length) return <p>{t('nothingToRequest')}</p>;
  const choiceError = errors.find((e) => e.target === 'document-choice')?.message;
  const label = (o: Requestable) =>
    o.when ? t('forHearing', { kind: t(`kind_${o.kind}`), when: formatGregorian(o.when, lang, 'dateTime') }) : t(`kind_${o.kind}`);
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const picked = options.find((o) => `${o.kind}:${o.subjectId}` === choice);
    if (!picked) return setErrors([{ target: 'document-choice', message: t('chooseMissing') }]);
    const result = await request({ input: { kind: picked.kind, subjectId: picked.subjectId, language } });
    if (!result.data) return setErrors(formErrors(result.error, () => null, tc('somethingWentWrong')));
    setErrors([]);
    onRequested(result.data.requestDocument.id);
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="request-title">
      <h3 id="request-title" className="heading-s">
        {t('requestTitle')}
      </h3>
      <ErrorSummary errors={errors} />
      <div className={`field${choiceError ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="document-choice">
          {t('which')}
        </label>
        {choiceError && (
          <p className="field__error" id="document-choice-error">
            {choiceError}
          </p>
        )}
        <select
          id="document-choice"
          className="select"
          aria-describedby={choiceError ? 'document-choice-error' : undefined}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
        >
          <option value="">{t('chooseOne')}</option>
          {options.map((o) => (
            <option key={`${o.kind}:${o.subjectId}`} value={`${o.kind}:${o.subjectId}`}>
              {label(o)}
            </option>
          ))}
        </select>
      </div>
      <Radios
        name="document-language"
        legend={t('whichLanguage')}
        value={language}
        onChange={(v) => setLanguage(v as DocumentLanguage)}
        choices={[
          { value: 'AR', label: t('lang_AR') },
          { value: 'EN', label: t('lang_EN') },
        ]}
      />
      <button type="submit" className="button button--secondary" disabled={fetching}>
        {t('request')}
      </button>
    </form>
  );
}
