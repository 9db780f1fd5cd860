/** The person's deadlines not yet passed, soonest first, each with its end in both calendars and a live countdown. */
import { Link } from 'wouter-preact';
import { Countdown } from '../../components/Countdown';
import { DualDate } from '../../components/DualDate';
import type { DashboardQuery } from '../../gql/graphql';
import { useLang, useT } from '../../i18n/i18n';
import { isolateCodes, ltr } from '../../lib/format';
import { dashboardMessages } from './messages';

type Deadline = DashboardQuery['myAgenda']['deadlines'][number];

export function DeadlinesSection({ deadlines }: { deadlines: Deadline[] }) {
  const t = useT(dashboardMessages);
  const lang = useLang();
  return (
    <section className="dashboard__section" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title" className="heading-m">
        {t('deadlinesTitle')}
      </h2>
      {deadlines.length ? (
        <ul className="dash-list">
          {deadlines.map((d) => (
            <li key={`${d.kind}-${d.billId ?? d.lawsuitId ?? d.dueAt}`} className="dash-item">
              <p className="dash-item__title">{isolateCodes(lang === 'ar' ? d.titleAr : d.titleEn)}</p>
              <p>
                <DualDate
                  value={d.dueAt}
                  withTime
                  hijri={d.deadline ? (lang === 'ar' ? d.deadline.dueOnHijriAr : d.deadline.dueOnHijriEn) : null}
                />
              </p>
              <p className="dash-item__countdown">
                <Countdown secondsLeft={d.secondsLeft} endsAt={d.dueAt} />
              </p>
              {d.lawsuitId && d.caseNumber && (
                <Link href={`/cases/${d.lawsuitId}`}>{t('goToCase', { caseNumber: ltr(d.caseNumber) })}</Link>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('noDeadlines')}</p>
      )}
    </section>
  );
}
