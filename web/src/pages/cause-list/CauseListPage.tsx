/**
 * The public cause list: a court and a day (today in Riyadh unless chosen), kept in the address
 * (`?court=RYD-GEN&date=2026-12-08`) so a list can be shared; the hearings as the API lists them
 * (no party names, no sealed case), with the day before and after one step away.
 */
import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useQuery } from '@urql/preact';
import { Link, useSearchParams } from 'wouter-preact';
import { CourtField, useCourts } from '../../components/CourtField';
import { DateField, isoOf, partsOf, type DayParts } from '../../components/DateField';
import { DualDate } from '../../components/DualDate';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { errorCode, type FormError } from '../../lib/errors';
import { courtDay, formatGregorian } from '../../lib/format';
import { causeListMessages } from './messages';

const CAUSE_LIST = graphql(`
  query CauseList($courtCode: String!, $date: String!) {
    court(code: $courtCode) {
      code
      nameAr
      nameEn
      circuits {
        code
        nameAr
        nameEn
      }
    }
    causeList(courtCode: $courtCode, date: $date) {
      startsAt
      endsAt
      caseNumber
      circuitCode
      mode
      room
      state
    }
  }
`);

/** Noon of a YYYY-MM-DD day in Riyadh: an instant that is that day in the courts' time zone. */
const noonOf = (day: string) => `${day}T12:00:00+03:00`;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const href = (court: string, date: string) => `/cause-list?${new URLSearchParams({ court, date }).toString()}`;

export default function CauseListPage() {
  const t = useT(causeListMessages);
  const tc = useT(common);
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const court = params.get('court') ?? '';
  const given = params.get('date') ?? '';
  const date = isoOf(partsOf(given)) === given ? given : courtDay();
  const { courts } = useCourts();
  const [choice, setChoice] = useState(court);
  const [day, setDay] = useState<DayParts>(partsOf(date));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    setChoice(court);
    setDay(partsOf(date));
  }, [court, date]);
  const [{ data, error, fetching }] = useQuery({ query: CAUSE_LIST, variables: { courtCode: court, date }, pause: !court });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (submitted && data) heading.current?.focus();
  }, [submitted, data]);

  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const iso = isoOf(day);
    const problems: FormError[] = [];
    if (!choice) problems.push({ target: 'court', message: t('courtMissing') });
    if (!iso) problems.push({ target: 'date-day', message: t('dateInvalid') });
    setErrors(problems);
    if (problems.length) return;
    setSubmitted(true);
    setParams({ court: choice, date: iso! });
  };

  const name = (x: { nameAr: string; nameEn: string }) => (lang === 'ar' ? x.nameAr : x.nameEn);
  const circuitName = (code: string) => {
    const circuit = data?.court.circuits.find((c) => c.code === code);
    return circuit ? `${name(circuit)} (${code})` : code;
  };
  const time = (iso: string) => formatGregorian(iso, lang, 'time');

  return (
    <Page title={t('title')} wide>
      <p className="lead page__measure">{t('lead')}</p>
      <form onSubmit={submit} noValidate className="page__measure">
        <ErrorSummary errors={errors} />
        <CourtField
          id="court"
          label={t('court')}
          placeholder={t('chooseCourt')}
          error={errorFor(errors, 'court')}
          courts={courts}
          value={choice}
          onChange={setChoice}
        />
        <DateField id="date" legend={t('date')} hint={t('dateHint')} error={errorFor(errors, 'date-day')} value={day} onChange={setDay} />
        <button type="submit" className="button">
          {t('show')}
        </button>
      </form>
      {court && fetching && !data && <Loading />}
      {court && error && (
        <p className="notice" role="alert">
          {errorCode(error) === 'NOT_FOUND' ? t('courtNotFound') : tc('somethingWentWrong')}
        </p>
      )}
      {court && data && (
        <section aria-labelledby="hearings-heading">
          <h2 id="hearings-heading" ref={heading} tabIndex={-1} className="heading-m">
            {t('heading', { court: name(data.court) })}
          </h2>
          <p className="cause-list__day">
            <DualDate value={noonOf(date)} />
          </p>
          <nav aria-label={t('otherDays')}>
            <ul className="cause-list__days">
              <li>
                <Link href={href(court, shift(date, -1))}>{t('previousDay')}</Link>
              </li>
              <li>
                <Link href={href(court, shift(date, 1))}>{t('nextDay')}</Link>
              </li>
            </ul>
          </nav>
          {data.causeList.length === 0 ? (
            <p>{t('noHearings')}</p>
          ) : (
            <>
              <p>{t('hearings', { count: data.causeList.length })}</p>
              <table className="table">
                <caption className="visually-hidden">
                  {t('caption', { court: name(data.court), date: formatGregorian(noonOf(date), lang) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('time')}</th>
                    <th scope="col">{t('caseNumber')}</th>
                    <th scope="col">{t('circuit')}</th>
                    <th scope="col">{t('place')}</th>
                    <th scope="col">{t('state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.causeList.map((h) => (
                    <tr key={`${h.caseNumber}-${h.startsAt}`}>
                      <td>
                        <time dateTime={h.startsAt}>{time(h.startsAt)}</time>
                        {' – '}
                        <time dateTime={h.endsAt}>{time(h.endsAt)}</time>
                      </td>
                      <th scope="row">
                        <bdi dir="ltr">{h.caseNumber}</bdi>
                      </th>
                      <td>{circuitName(h.circuitCode)}</td>
                      <td>{h.mode === 'REMOTE' ? t('remote') : (h.room ?? t('noRoom'))}</td>
                      <td>
                        <strong className={`tag${h.state === 'HELD' ? ' tag--green' : ''}`}>{t(`state_${h.state}`)}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </Page>
  );
}
