/** What has happened in the case, oldest first, each with its day in Gregorian and Hijri. */
import { DualDate } from '../../components/DualDate';
import { useLang, useT } from '../../i18n/i18n';
import { ltr } from '../../lib/format';
import type { CaseData } from './case-query';
import { caseMessages } from './messages';
import { partyName } from './parties';
import { timelineOf } from './timeline';

export function TimelineSection({ c }: { c: CaseData }) {
  const t = useT(caseMessages);
  const lang = useLang();
  const events = timelineOf(c);
  const nameOf = (partyId?: string) => {
    const party = c.parties.find((p) => p.id === partyId);
    return party ? partyName(party, lang) : t('unknownParty');
  };
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="heading-l">
        {t('timeline')}
      </h2>
      {events.length ? (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id} className="timeline__item">
              <span className="timeline__what">{t(`event_${e.key}`, { name: nameOf(e.partyId), number: ltr(e.number ?? '') })}</span>
              <DualDate value={e.at} withTime />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('timelineEmpty')}</p>
      )}
    </section>
  );
}
