/** The signed-in person's powers of attorney: those they gave (as principal) and those naming them (as agent). */
import { useQuery } from '@urql/preact';
import { Link } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import type { PowerOfAttorneyRelation } from '../../gql/graphql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { poaMessages } from './messages';
import { names, stateTag } from './poa-view';

// One query per relation: the API's cost limit (docs/api.md, "Query limits") counts each list.
const MY_POWERS = graphql(`
  query MyPowersOfAttorney($as: PowerOfAttorneyRelation!) {
    myPowersOfAttorney(first: 25, filter: { as: $as }) {
      edges {
        node {
          id
          number
          state
          validTo
          principals {
            nameAr
            nameEn
          }
          agents {
            nameAr
            nameEn
          }
        }
      }
    }
  }
`);

export default function PoaListPage() {
  const t = useT(poaMessages);
  return (
    <Page title={t('listTitle')} wide>
      <Link href="/poa/new" className="button">
        {t('issueNew')}
      </Link>
      <PoaTable as="PRINCIPAL" caption={t('asPrincipal')} empty={t('noneAsPrincipal')} />
      <PoaTable as="AGENT" caption={t('asAgent')} empty={t('noneAsAgent')} />
    </Page>
  );
}

function PoaTable({ as, caption, empty }: { as: PowerOfAttorneyRelation; caption: string; empty: string }) {
  const t = useT(poaMessages);
  const tc = useT(common);
  const lang = useLang();
  const [{ data, fetching }] = useQuery({ query: MY_POWERS, variables: { as }, requestPolicy: 'cache-and-network' });
  const id = `as-${as.toLowerCase()}`;
  const rows = data?.myPowersOfAttorney.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="heading-m">
        {caption}
      </h2>
      {fetching && !data ? (
        <Loading />
      ) : !data ? (
        <p>{tc('somethingWentWrong')}</p>
      ) : rows.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('principals')}</th>
              <th scope="col">{t('agents')}</th>
              <th scope="col">{t('validTo')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/poa/${p.id}`} className="ltr">
                    {p.number}
                  </Link>
                </td>
                <td>{stateTag(p.state, t)}</td>
                <td>{names(p.principals, lang)}</td>
                <td>{names(p.agents, lang)}</td>
                <td>
                  <DualDate value={p.validTo} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  );
}
