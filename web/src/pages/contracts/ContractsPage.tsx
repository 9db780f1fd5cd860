/** The contracts the signed-in person is party to or drafted, newest first. */
import { useQuery } from '@urql/preact';
import { Link } from 'wouter-preact';
import { DualDate } from '../../components/DualDate';
import { Loading, Page } from '../../components/Page';
import { graphql } from '../../gql';
import { common } from '../../i18n/common';
import { useLang, useT } from '../../i18n/i18n';
import { contractMessages } from './messages';

const MY_CONTRACTS = graphql(`
  query MyContracts {
    myContracts(first: 50) {
      edges {
        node {
          id
          number
          type
          state
          createdAt
          parties {
            id
            nameAr
            nameEn
          }
        }
      }
    }
  }
`);

export default function ContractsPage() {
  const t = useT(contractMessages);
  const tc = useT(common);
  const lang = useLang();
  const [{ data, fetching }] = useQuery({ query: MY_CONTRACTS, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  if (!data) return <Page title={tc('somethingWentWrong')}>{null}</Page>;
  const rows = data.myContracts.edges.map((e) => e.node);
  return (
    <Page title={t('listTitle')} wide>
      {rows.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('parties')}</th>
              <th scope="col">{t('created')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/contracts/${c.id}`} className="ltr">
                    {c.number}
                  </Link>
                </td>
                <td>{t(`type_${c.type}`)}</td>
                <td>
                  <span className={c.state === 'NOTARIZED' ? 'tag tag--green' : 'tag'}>{t(`state_${c.state}`)}</span>
                </td>
                <td>{new Intl.ListFormat(lang).format(c.parties.map((p) => (lang === 'ar' ? p.nameAr : p.nameEn)))}</td>
                <td>
                  <DualDate value={c.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('none')}</p>
      )}
    </Page>
  );
}
