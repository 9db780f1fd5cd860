/** The person's coming hearings: when, where, how to attend, and the way in to a remote one once it opens. */
import { Link } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import type { DashboardQuery } from '../../gql/graphql';
import { useLang, useT } from '../../i18n/i18n';
import { formatGregorian, ltr } from '../../lib/format';
import { CheckInButton } from './CheckInButton';
import { dashboardMessages } from './messages';
import { webAddress } from './mine';

type Hearing = DashboardQuery['myAgenda']['hearings'][number];

export function HearingsSection({ hearings, at }: { hearings: Hearing[]; at: string }) {
  const t = useT(dashboardMessages);
  return (
    <section className="dashboard__section" aria-labelledby="hearings-title">
      <h2 id="hearings-title" className="heading-m">
        {t('hearingsTitle')}
      </h2>
      {hearings.length ? (
        <ul className="dash-list">
          {hearings.map((h) => (
            <HearingItem key={h.hearingId} hearing={h} at={at} />
          ))}
        </ul>
      ) : (
        <p>{t('noHearings')}</p>
      )}
    </section>
  );
}

function HearingItem({ hearing: h, at }: { hearing: Hearing; at: string }) {
  const t = useT(dashboardMessages);
  const lang = useLang();
  const caseNumber = h.caseNumber ?? '';
  const number = ltr(caseNumber);
  const link = webAddress(h.joinLink);
  const opensAt = h.joinOpensAt;
  const open = !!opensAt && new Date(opensAt) <= new Date(at);
  return (
    <li className="dash-item">
      <h3 className="heading-s">
        <Link href={`/cases/${h.lawsuitId}`}>{t('hearingOf', { caseNumber: number })}</Link>
      </h3>
      <dl className="summary-list">
        <div>
          <dt>{t('when')}</dt>
          <dd>
            <DualDate value={h.startsAt} withTime />
          </dd>
        </div>
        <div>
          <dt>{t('court')}</dt>
          <dd>{lang === 'ar' ? h.courtNameAr : h.courtNameEn}</dd>
        </div>
        <div>
          <dt>{t('how')}</dt>
          <dd>{h.mode === 'REMOTE' ? t('remote') : h.room ? t('inPerson', { room: h.room }) : t('inPersonNoRoom')}</dd>
        </div>
      </dl>
      {link ? (
        <a className="button" href={link} target="_blank" rel="noopener noreferrer">
          {t('joinHearing')}
          <span className="visually-hidden">{`${t('ofCase', { caseNumber: number })}${t('opensInNewTab')}`}</span>
        </a>
      ) : open ? (
        <CheckInButton hearingId={h.hearingId} caseNumber={caseNumber} />
      ) : (
        opensAt && <p className="hint">{t('checkInFrom', { time: formatGregorian(opensAt, lang, 'dateTime') })}</p>
      )}
    </li>
  );
}
