/**
 * A live countdown to a deadline: "3 days 4 hours left", updated every minute (every second in
 * the last hour). The ticking text is a timer that screen readers do not announce; they read the
 * end time instead, and a polite live region speaks only when a threshold is crossed (less than a
 * day, less than an hour, time up). It counts from the API's `secondsLeft`, taken at the server's
 * clock, so a wrong clock on the device does not move it.
 */
import { useEffect, useState } from 'preact/hooks';
import { durations } from '../i18n/durations';
import { useLang, useT, type Translate } from '../i18n/i18n';
import { formatGregorian } from '../lib/format';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

type Unit = 'days' | 'hours' | 'minutes' | 'seconds';

/** The two largest units left: days and hours, hours and minutes, or minutes and seconds. */
function units(left: number): [Unit, number][] {
  if (left >= DAY)
    return [
      ['days', Math.floor(left / DAY)],
      ['hours', Math.floor((left % DAY) / HOUR)],
    ];
  if (left >= HOUR)
    return [
      ['hours', Math.floor(left / HOUR)],
      ['minutes', Math.floor((left % HOUR) / MINUTE)],
    ];
  return [
    ['minutes', Math.floor(left / MINUTE)],
    ['seconds', left % MINUTE],
  ];
}

function words(t: Translate<typeof durations.ar>, left: number): string {
  // "3 days left" rather than "3 days 0 hours left", "40 seconds left" rather than "0 minutes 40 seconds left".
  const [first, second] = units(left)
    .filter(([, count]) => count > 0)
    .map(([unit, count]) => t(unit, { count }));
  return t('left', { time: second ? t('pair', { first, second }) : first });
}

export function Countdown({ secondsLeft, endsAt }: { secondsLeft: number; endsAt: string }) {
  const t = useT(durations);
  const lang = useLang();
  const [left, setLeft] = useState(secondsLeft);
  useEffect(() => {
    const start = Date.now();
    let timer: number | undefined;
    const tick = () => {
      const now = Math.max(0, secondsLeft - Math.floor((Date.now() - start) / 1000));
      setLeft(now);
      if (now > 0) timer = window.setTimeout(tick, (now < HOUR ? 1 : now % MINUTE || MINUTE) * 1000);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [secondsLeft]);
  const threshold = left <= 0 ? t('ended') : left < HOUR ? t('underAnHour') : left < DAY ? t('underADay') : '';
  return (
    <span className="countdown">
      <span role="timer" aria-live="off" className="countdown__left">
        {left > 0 ? words(t, left) : t('ended')}
      </span>
      <span className="visually-hidden">{` (${t('endsAt', { time: formatGregorian(endsAt, lang, 'dateTime') })})`}</span>
      <span className="visually-hidden" aria-live="polite">
        {threshold}
      </span>
    </span>
  );
}
