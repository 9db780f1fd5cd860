/**
 * When the session ends while the person works, this dialog asks them to sign in again over the
 * page they are on: the page stays mounted, so whatever they typed is still there, and the request
 * that found the session ended is sent again once they are back (lib/api.ts).
 */
import { useEffect, useRef } from 'preact/hooks';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { useSession } from '../lib/session';
import { SignInForm } from '../pages/sign-in/SignInForm';

export function SessionDialog() {
  const state = useSession();
  const t = useT(common);
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
          <SignInForm nationalId={state.nationalId} onSignedIn={() => undefined} />
        </>
      )}
    </dialog>
  );
}
