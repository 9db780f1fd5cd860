/**
 * When the session ends while the person works, this dialog asks them to sign in again over the
 * page they are on: the page stays mounted, so whatever they typed is still there, and the request
 * that found the session ended is sent again once they are back (lib/api.ts). They sign in again
 * with their password, or with the national single sign-on in a window of its own, which hands
 * its ticket back to this page (handBack) and closes; the page itself never leaves.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { REDEEM_TICKET, SIGN_OUT, sessionClient } from '../lib/api';
import { session, useSession } from '../lib/session';
import { portalSettings } from '../lib/settings';
import { nationalError, signInMessages } from '../pages/sign-in/messages';
import { SignInForm } from '../pages/sign-in/SignInForm';

const POPUP_RETURN = '/sign-in?popup=1';

/** In the window the dialog opened: hands the ticket (or the refusal) to the page that opened it, and closes. */
export function handBack(params: URLSearchParams): boolean {
  const opener = window.opener as Window | null;
  if (params.get('popup') !== '1' || !opener) return false;
  const handed: HandedBack = { adlTicket: params.get('ticket'), adlSignInError: params.get('signInError') };
  opener.postMessage(handed, window.location.origin);
  window.close();
  return true;
}

interface HandedBack {
  adlTicket: string | null;
  adlSignInError: string | null;
}

const isHandedBack = (data: unknown): data is HandedBack => typeof data === 'object' && data !== null && 'adlTicket' in data;

function NationalSignInAgain({ nationalId }: { nationalId: string }) {
  const t = useT(signInMessages);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const received = async (event: MessageEvent<unknown>) => {
      if (event.origin !== window.location.origin || !isHandedBack(event.data)) return;
      const { adlTicket, adlSignInError } = event.data;
      if (!adlTicket) return setError(nationalError(t, adlSignInError ?? 'ticket'));
      const auth = (await sessionClient.mutation(REDEEM_TICKET, { ticket: adlTicket }).toPromise()).data?.redeemSignInTicket;
      if (auth?.user.nationalId === nationalId) return session.signedIn(auth);
      setError(auth ? t('otherPerson') : nationalError(t, 'ticket'));
      // Someone else's session, opened by mistake on this page: ended at once.
      if (auth)
        await sessionClient
          .mutation(SIGN_OUT, {}, { fetchOptions: { headers: { authorization: `Bearer ${auth.accessToken}` } } })
          .toPromise();
    };
    const listener = (event: MessageEvent<unknown>) => void received(event);
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [nationalId, t]);
  const open = () => {
    setError(null);
    const opened = window.open(
      `/auth/national/login?returnTo=${encodeURIComponent(POPUP_RETURN)}`,
      'adl-national-sign-in',
      'popup,width=560,height=760',
    );
    if (!opened) setError(t('popupBlocked'));
  };
  return (
    <div className="panel">
      <button type="button" className="button button--secondary" aria-describedby="national-again-hint" onClick={open}>
        {t('nationalAgain')}
      </button>
      <p className="hint" id="national-again-hint">
        {t('nationalAgainHint')}
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SessionDialog() {
  const state = useSession();
  const t = useT(common);
  const ts = useT(signInMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const open = state.status === 'expired';
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="session-dialog-title" onCancel={(e) => e.preventDefault()}>
      {open && (
        <>
          <h2 id="session-dialog-title" className="heading-l">
            {t('sessionExpiredTitle')}
          </h2>
          <p>{t('sessionExpiredBody')}</p>
          {portalSettings().nationalSignIn && (
            <>
              <NationalSignInAgain nationalId={state.nationalId} />
              <h3 className="heading-s">{ts('or')}</h3>
            </>
          )}
          <SignInForm nationalId={state.nationalId} onSignedIn={() => undefined} />
        </>
      )}
    </dialog>
  );
}
