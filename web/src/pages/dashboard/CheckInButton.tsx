/**
 * Checks the person in to a remote hearing once check-in opens: the API then gives them its link,
 * and the dashboard (which listens for changed hearings) shows the way in.
 */
import { useMutation } from '@urql/preact';
import { graphql } from '../../gql';
import { useT } from '../../i18n/i18n';
import { ltr } from '../../lib/format';
import { dashboardMessages } from './messages';

const CHECK_IN = graphql(`
  mutation CheckInToHearing($hearingId: ID!) {
    registerHearingAttendance(hearingId: $hearingId) {
      id
      meetingLink
    }
  }
`);

export function CheckInButton({ hearingId, caseNumber }: { hearingId: string; caseNumber: string }) {
  const t = useT(dashboardMessages);
  const [{ fetching, error }, checkIn] = useMutation(CHECK_IN);
  return (
    <>
      <button type="button" className="button button--small" disabled={fetching} onClick={() => void checkIn({ hearingId })}>
        {t('checkIn')}
        <span className="visually-hidden">{t('ofCase', { caseNumber: ltr(caseNumber) })}</span>
      </button>
      {error && (
        <p className="field__error" role="alert">
          {t('checkInFailed')}
        </p>
      )}
    </>
  );
}
