/**
 * The person's cases, as a party or for one: each with its court, where it stands in plain words,
 * what they are in it, and the next step (what the agenda asks of them in it, else their coming
 * hearing, else what usually comes next in that state). A search finds older ones by their subject.
 */
import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { useQuery } from '@urql/preact';
import { Link } from 'wouter-preact';
import { TextField } from '../../components/Field';
import { Loading } from '../../components/Page';
import { graphql } from '../../gql';
import type { DashboardQuery } from '../../gql/graphql';
import { useLang, useT } from '../../i18n/i18n';
import { useLawsuitStates } from '../../i18n/states';
import { formatGregorian, isolateCodes } from '../../lib/format';
import { dashboardMessages } from './messages';
import { type CaseItem, type Me, myParty } from './mine';

const SEARCH = graphql(`
  query SearchMyCases($text: String!) {
    lawsuits(first: 20, filter: { text: $text }) {
      edges {
        node {
          ...DashboardCase
        }
      }
    }
  }
`);

type Agenda = DashboardQuery['myAgenda'];
type Court = DashboardQuery['courts'][number];

interface Props {
  lawsuits: CaseItem[];
  more: boolean;
  courts: Court[];
  agenda: Agenda;
  me: Me;
}

export function CasesSection({ lawsuits, more, courts, agenda, me }: Props) {
  const t = useT(dashboardMessages);
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({ query: SEARCH, variables: { text: search }, pause: !search });
  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(text.trim());
  };
  const found = search && data ? data.lawsuits.edges.map((e) => e.node) : null;
  const shown = found ?? lawsuits;
  return (
    <section className="dashboard__section" aria-labelledby="cases-title">
      <h2 id="cases-title" className="heading-m">
        {t('casesTitle')}
      </h2>
      <form role="search" aria-label={t('searchLabel')} className="dash-search" onSubmit={submit}>
        <TextField
          id="case-search"
          type="search"
          label={t('searchLabel')}
          hint={t('searchHint')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" className="button button--secondary button--small">
          {t('search')}
        </button>
      </form>
      <div aria-live="polite">
        {search && fetching && <Loading />}
        {found && <p>{t('searchResults', { count: found.length, text: search })}</p>}
      </div>
      {found && (
        <button type="button" className="link-button" onClick={() => (setSearch(''), setText(''))}>
          {t('showAllCases')}
        </button>
      )}
      {shown.length ? (
        <ul className="dash-list">
          {shown.map((lawsuit) => (
            <CaseCard key={lawsuit.id} lawsuit={lawsuit} courts={courts} agenda={agenda} me={me} />
          ))}
        </ul>
      ) : (
        !found && <p>{t('noCases')}</p>
      )}
      {!found && more && <p className="hint">{t('moreCases', { count: lawsuits.length })}</p>}
    </section>
  );
}

function CaseCard({ lawsuit, courts, agenda, me }: { lawsuit: CaseItem; courts: Court[]; agenda: Agenda; me: Me }) {
  const t = useT(dashboardMessages);
  const lang = useLang();
  const states = useLawsuitStates();
  const court = courts.find((c) => c.id === lawsuit.courtId);
  const mine = myParty(lawsuit, me);
  const action = agenda.actions.find((a) => a.lawsuitId === lawsuit.id);
  const hearing = agenda.hearings.find((h) => h.lawsuitId === lawsuit.id);
  const next = action
    ? isolateCodes(lang === 'ar' ? action.titleAr : action.titleEn)
    : hearing
      ? t('attendHearing', { time: formatGregorian(hearing.startsAt, lang, 'dateTime') })
      : states.next(lawsuit.state);
  const name = (p: { nameAr: string; nameEn: string }) => (lang === 'ar' ? p.nameAr : p.nameEn);
  return (
    <li className="dash-item">
      <h3 className="heading-s">
        <Link href={`/cases/${lawsuit.id}`}>{lawsuit.caseNumber ? <bdi dir="ltr">{lawsuit.caseNumber}</bdi> : lawsuit.subject}</Link>
      </h3>
      {lawsuit.caseNumber && <p className="dash-item__subject">{lawsuit.subject}</p>}
      <dl className="summary-list">
        {court && (
          <div>
            <dt>{t('court')}</dt>
            <dd>{name(court)}</dd>
          </div>
        )}
        <div>
          <dt>{t('state')}</dt>
          <dd>
            <span className="tag">{states.label(lawsuit.state)}</span>
          </dd>
        </div>
        {mine && (
          <div>
            <dt>{t('yourPart')}</dt>
            <dd>{mine.representing ? t('forParty', { name: name(mine.party), side: t(mine.party.side) }) : t(mine.party.side)}</dd>
          </div>
        )}
        <div>
          <dt>{t('nextStep')}</dt>
          <dd>{next}</dd>
        </div>
      </dl>
    </li>
  );
}
