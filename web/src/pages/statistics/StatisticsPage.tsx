/**
 * Court statistics (public): a court, a period and a type of case, kept in the address
 * (`?court=RYD-GEN&months=12&category=CIVIL`); the API's monthly rows drawn as charts, each with
 * its summary in words and its table (StatisticsCharts).
 */
import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '@urql/preact';
import { useSearchParams } from 'wouter-preact';
import { CourtField, useCourts } from '../../components/CourtField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor } from '../../components/Field';
import { Loading, Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import type { FormError } from '../../lib/errors';
import { courtDay } from '../../lib/format';
import { statisticsMessages } from './messages';
import { addMonths, CATEGORIES, DEFAULT_PERIOD, monthsOf, PERIODS } from './statistics-data';
import { StatisticsCharts } from './StatisticsCharts';

const COURT_STATISTICS = graphql(`
  query CourtStatistics($filter: CourtStatisticsFilter!) {
    courtStatistics(filter: $filter) {
      category
      month
      filed
      disposed
      pending
      medianDaysToJudgment
      hearings
      postponedHearings
    }
  }
`);

export default function StatisticsPage() {
  const t = useT(statisticsMessages);
  const tc = useT(common);
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const code = params.get('court') ?? '';
  const period = PERIODS.find((p) => String(p) === params.get('months')) ?? DEFAULT_PERIOD;
  const category = CATEGORIES.find((c) => c === params.get('category')) ?? '';
  const { courts, fetching: loadingCourts } = useCourts();
  const court = courts.find((c) => c.code === code);
  const to = courtDay().slice(0, 7);
  const from = addMonths(to, 1 - period);

  const [choice, setChoice] = useState<{ court: string; period: string; category: string }>({
    court: code,
    period: String(period),
    category,
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => setChoice({ court: code, period: String(period), category }), [code, period, category]);

  const [{ data, error, fetching }] = useQuery({
    query: COURT_STATISTICS,
    variables: { filter: { courtId: court?.id ?? '', from, to, ...(category ? { category } : {}) } },
    pause: !court,
  });

  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FormError[] = choice.court ? [] : [{ target: 'court', message: t('courtMissing') }];
    setErrors(problems);
    if (problems.length) return;
    setSubmitted(true);
    setParams({ court: choice.court, months: choice.period, ...(choice.category ? { category: choice.category } : {}) });
  };

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
          value={choice.court}
          onChange={(court) => setChoice({ ...choice, court })}
        />
        <SelectField
          id="months"
          label={t('period')}
          choices={PERIODS.map((p) => ({ value: String(p), label: t('lastMonths', { count: p }) }))}
          value={choice.period}
          onChange={(e) => setChoice({ ...choice, period: e.currentTarget.value })}
        />
        <SelectField
          id="category"
          label={t('category')}
          placeholder={t('allCategories')}
          choices={CATEGORIES.map((c) => ({ value: c, label: t(`category_${c}`) }))}
          value={choice.category}
          onChange={(e) => setChoice({ ...choice, category: e.currentTarget.value })}
        />
        <button type="submit" className="button">
          {t('show')}
        </button>
      </form>
      {code && !loadingCourts && !court && (
        <p className="notice" role="alert">
          {t('courtNotFound')}
        </p>
      )}
      {court && fetching && !data && <Loading />}
      {court && error && (
        <p className="notice" role="alert">
          {tc('somethingWentWrong')}
        </p>
      )}
      {court && data && (
        <StatisticsCharts
          courtName={lang === 'ar' ? court.nameAr : court.nameEn}
          rows={data.courtStatistics}
          months={monthsOf(from, to)}
          focus={submitted}
        />
      )}
    </Page>
  );
}
