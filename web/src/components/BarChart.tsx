/**
 * A bar chart drawn as inline SVG, one group of bars per label (a month) and one bar per series,
 * with its title, a summary in words and the numbers as a table for anyone who would rather read
 * them (or cannot see the bars). Groups run from the reading start: right to left in Arabic.
 * Colours come from the stylesheet (`.chart__bar--N`), each dark enough against white.
 */
import { common } from '../i18n/common';
import { useLang, useT } from '../i18n/i18n';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

interface Props {
  id: string;
  title: string;
  summary: string;
  /** Short labels under the groups; `rowLabels` name the same groups in the table. */
  labels: string[];
  rowLabels: string[];
  /** The header of the table's first column (what a group is: "Month"). */
  groupHeader: string;
  series: ChartSeries[];
  format: (value: number) => string;
  /** Whole numbers only on the axis (counts, days). */
  integer?: boolean;
}

const WIDTH = 560;
const HEIGHT = 240;
const TOP = 12;
const BOTTOM = 36;
const AXIS = 52;
const END = 8;
/** At most this many labels under the groups; the table names every group. */
const MAX_LABELS = 6;

/** A rounded top of the scale and a step that divides it into about four parts. */
export function niceScale(max: number, integer: boolean): { top: number; step: number } {
  if (max <= 0) return { top: integer ? 4 : 1, step: integer ? 1 : 0.25 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
  if (integer) step = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / step) * step, step };
}

export function BarChart({ id, title, summary, labels, rowLabels, groupHeader, series, format, integer = false }: Props) {
  const t = useT(common);
  const rtl = useLang() === 'ar';
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const { top, step } = niceScale(Math.max(0, ...values), integer);
  const [x0, x1] = rtl ? [END, WIDTH - AXIS] : [AXIS, WIDTH - END];
  const y0 = HEIGHT - BOTTOM;
  const y = (v: number) => y0 - ((y0 - TOP) * v) / top;
  const groupWidth = (x1 - x0) / Math.max(1, labels.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  // The i-th group from the reading start, and the j-th bar in it.
  const groupX = (i: number) => (rtl ? x1 - (i + 1) * groupWidth : x0 + i * groupWidth);
  const barX = (i: number, j: number) => groupX(i) + groupWidth * 0.1 + (rtl ? series.length - 1 - j : j) * barWidth;
  const every = Math.ceil(labels.length / MAX_LABELS);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, k) => k * step);
  return (
    <section className="chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="heading-s">
        {title}
      </h3>
      <p id={`${id}-summary`}>{summary}</p>
      {series.length > 1 && (
        <ul className="chart__legend">
          {series.map((s, j) => (
            <li key={s.label}>
              <span className={`chart__swatch chart__swatch--${j}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg
        className="chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        focusable="false"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line className="chart__grid" x1={x0} x2={x1} y1={y(v)} y2={y(v)} />
            <text className="chart__tick" x={rtl ? x1 + 6 : x0 - 6} y={y(v) + 5} textAnchor={rtl ? 'start' : 'end'}>
              {format(v)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <g key={label}>
            {series.map((s, j) => {
              const v = s.values[i];
              if (v === null || v === undefined || v <= 0) return null;
              return (
                <rect key={s.label} className={`chart__bar--${j}`} x={barX(i, j)} y={y(v)} width={barWidth} height={y0 - y(v)}>
                  <title>{t('chartBar', { group: rowLabels[i], series: s.label, value: format(v) })}</title>
                </rect>
              );
            })}
            {i % every === 0 && (
              <text className="chart__tick" x={groupX(i) + groupWidth / 2} y={y0 + 22} textAnchor="middle">
                {label}
              </text>
            )}
          </g>
        ))}
        <line className="chart__axis" x1={x0} x2={x1} y1={y0} y2={y0} />
      </svg>
      <details className="chart__data">
        <summary>{t('chartAsTable')}</summary>
        <table className="table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{groupHeader}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowLabels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => {
                  const v = s.values[i];
                  return <td key={s.label}>{v === null || v === undefined ? t('noData') : format(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
