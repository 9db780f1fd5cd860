/**
 * A court's statistics over a period: the key figures, then three charts where the eye is quicker
 * than reading (filed against disposed of, median days to judgment, share of hearings postponed),
 * each with a summary in words and its numbers as a table.
 */
import { useEffect, useRef } from 'preact/hooks';
import { BarChart } from '../../components/BarChart';
import type { CourtStatisticsQuery } from '../../gql/graphql';
import { useLang, useT } from '../../i18n/i18n';
import { formatMonth, formatNumber, formatPercent } from '../../lib/format';
import { statisticsMessages } from './messages';
import { byMonth, mediansByCategory, total } from './statistics-data';

interface Props {
  courtName: string;
  rows: CourtStatisticsQuery['courtStatistics'];
  months: string[];
  focus: boolean;
}

export function StatisticsCharts({ courtName, rows, months, focus }: Props) {
  const t = useT(statisticsMessages);
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, rows]);

  const monthly = byMonth(rows, months);
  const sum = total(monthly);
  const long = months.map((m) => formatMonth(m, lang));
  const short = months.map((m) => formatMonth(m, lang, 'short'));
  const number = (v: number) => formatNumber(v, lang);
  const percent = (v: number) => formatPercent(v, lang);
  const days = (v: number) => t('days', { count: v, value: number(v) });
  const period = { from: long[0], to: long[long.length - 1] };

  const busiest = monthly.reduce((best, m, i) => (m.filed > monthly[best].filed ? i : best), 0);
  const medians = mediansByCategory(rows, months).map((s) => ({ label: t(`category_${s.category}`), values: s.values }));
  const whenOf = (category: string, i: number) => (medians.length > 1 ? t('medianWhen', { category, month: long[i] }) : long[i]);
  const points = medians.flatMap((s) => s.values.flatMap((v, i) => (v === null ? [] : [{ v, when: whenOf(s.label, i) }])));
  const low = points.reduce((a, b) => (b.v < a.v ? b : a), points[0]);
  const high = points.reduce((a, b) => (b.v > a.v ? b : a), points[0]);

  const none = (title: string, text: string) => (
    <section className="chart" aria-label={title}>
      <h3 className="heading-s">{title}</h3>
      <p>{text}</p>
    </section>
  );

  return (
    <section aria-labelledby="statistics-heading" className="statistics">
      <h2 id="statistics-heading" ref={heading} tabIndex={-1} className="heading-m">
        {t('heading', { court: courtName, ...period })}
      </h2>
      {sum.filed === 0 ? (
        <p>{t('noFilings')}</p>
      ) : (
        <>
          <h3 className="visually-hidden">{t('figures')}</h3>
          <ul className="figures">
            <li>
              <span className="figures__value">{number(sum.filed)}</span> {t('filed')}
            </li>
            <li>
              <span className="figures__value">{number(sum.disposed)}</span> {t('disposed')}
            </li>
            <li>
              <span className="figures__value">{number(sum.pending)}</span> {t('pending')}
            </li>
            {sum.share !== null && (
              <li>
                <span className="figures__value">{percent(sum.share)}</span> {t('postponedShare')}
              </li>
            )}
          </ul>
          <p className="hint page__measure">{t('cohortNote')}</p>
          <BarChart
            id="filed-chart"
            title={t('filedChart')}
            summary={t('filedSummary', {
              ...period,
              filed: number(sum.filed),
              disposed: number(sum.disposed),
              month: long[busiest],
              most: number(monthly[busiest].filed),
            })}
            labels={short}
            rowLabels={long}
            groupHeader={t('monthOfFiling')}
            series={[
              { label: t('filed'), values: monthly.map((m) => m.filed) },
              { label: t('disposed'), values: monthly.map((m) => m.disposed) },
            ]}
            format={number}
            integer
          />
          {points.length === 0 ? (
            none(t('medianChart'), t('noJudgments'))
          ) : (
            <BarChart
              id="median-chart"
              title={t('medianChart')}
              summary={
                points.length === 1
                  ? t('medianOne', { value: days(low.v), when: low.when })
                  : t('medianRange', { low: days(low.v), lowWhen: low.when, high: days(high.v), highWhen: high.when })
              }
              labels={short}
              rowLabels={long}
              groupHeader={t('monthOfFiling')}
              series={medians}
              format={number}
            />
          )}
          {sum.share === null ? (
            none(t('postponedChart'), t('noHearings'))
          ) : (
            <BarChart
              id="postponed-chart"
              title={t('postponedChart')}
              summary={t('postponedSummary', {
                hearings: number(sum.hearings),
                postponed: number(sum.postponed),
                share: percent(sum.share),
              })}
              labels={short}
              rowLabels={long}
              groupHeader={t('monthOfFiling')}
              series={[{ label: t('postponedSeries'), values: monthly.map((m) => m.share) }]}
              format={percent}
            />
          )}
        </>
      )}
    </section>
  );
}
