/**
 * The error summary of a form (after the GOV.UK pattern): it takes focus when errors appear, names
 * each one and links to the control that fixes it; following a link focuses that control.
 */
import { useEffect, useRef } from 'preact/hooks';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import type { FormError } from '../lib/errors';

export function ErrorSummary({ errors }: { errors: FormError[] }) {
  const t = useT(common);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  // While errors show, the page's title starts with "Error: ", as a screen reader announces it first.
  const prefix = t('errorTitlePrefix');
  useEffect(() => {
    if (!errors.length) return;
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [errors, prefix]);
  if (!errors.length) return null;
  const focus = (event: MouseEvent, target: string) => {
    const control = document.getElementById(target);
    if (!control) return;
    event.preventDefault();
    (control.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${target}"]`) ?? control).scrollIntoView();
    control.focus({ preventScroll: true });
  };
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 id="error-summary-title" className="error-summary__title">
          {t('errorSummaryTitle')}
        </h2>
        <ul className="error-summary__list">
          {errors.map((e, i) => (
            <li key={i}>
              {e.target ? (
                <a href={`#${e.target}`} onClick={(event) => focus(event, e.target!)}>
                  {e.message}
                </a>
              ) : (
                e.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
