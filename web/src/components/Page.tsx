/**
 * Every page's frame: the document title (prefixed "Error: " while the page shows errors), one
 * <h1>, and focus moved to that heading when the page opens, so a screen reader announces it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';

export function Page({
  title,
  hasErrors = false,
  children,
  wide = false,
}: {
  title: string;
  hasErrors?: boolean;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const t = useT(common);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${hasErrors ? t('errorTitlePrefix') : ''}${title} | ${t('serviceName')}`;
  }, [title, hasErrors, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {children}
    </div>
  );
}

export function Loading() {
  const t = useT(common);
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}
