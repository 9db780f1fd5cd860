/** The case's hearings, soonest first: when, how, and the minutes where the API shows them. */
import { DualDate } from '../../components/DualDate';
import { useLang, useT } from '../../i18n/i18n';
import { formatGregorian } from '../../lib/format';
import type { CaseData } from './case-query';
import { caseMessages } from './messages';

export function HearingsSection({ c }: { c: CaseData }) {
  const t = useT(caseMessages);
  const lang = useLang();
  const hearings = [...c.hearings].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  return (
    <section aria-labelledby="hearings-title">
      <h2 id="hearings-title" className="heading-l">
        {t('hearings')}
      </h2>
      {!hearings.length && <p>{t('noHearings')}</p>}
      {hearings.map((h) => (
        <article key={h.id} className="panel" aria-labelledby={`hearing-${h.id}`}>
          <h3 id={`hearing-${h.id}`} className="heading-s">
            {t('hearingAt', { when: formatGregorian(h.startsAt, lang, 'dateTime') })}{' '}
            <span className={`tag${h.state === 'HELD' ? ' tag--green' : ''}`}>{t(`hearingState_${h.state}`)}</span>
          </h3>
          <dl className="summary-list">
            <div>
              <dt>{t('hearingWhen')}</dt>
              <dd>
                <DualDate value={h.startsAt} withTime />
              </dd>
            </div>
            <div>
              <dt>{t('hearingMode')}</dt>
              <dd>{t(`hearingMode_${h.mode}`)}</dd>
            </div>
            {h.room && (
              <div>
                <dt>{t('hearingRoom')}</dt>
                <dd>{h.room}</dd>
              </div>
            )}
            {h.postponementReason && (
              <div>
                <dt>{t('postponementReason')}</dt>
                <dd>{h.postponementReason}</dd>
              </div>
            )}
            {h.state === 'HELD' && (
              <div>
                <dt>{t('hearingMinutes')}</dt>
                <dd className="pre-line">{h.minutes ?? t('minutesNotShown')}</dd>
              </div>
            )}
          </dl>
        </article>
      ))}
    </section>
  );
}
