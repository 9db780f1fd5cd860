/**
 * What every benchmark reports with: percentiles of latencies, its table printed to the terminal and
 * written to bench/RESULTS.md as Prettier lays it out, and the versions of the packages it measured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const ms = (value: number): string => value.toFixed(2);
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

/** One line of a results table, already formatted. */
export type Row = string[];

/** A table whose first `textColumns` columns are text (left-aligned) and the others figures (right-aligned). */
export class Table {
  constructor(
    private readonly header: Row,
    private readonly textColumns: number,
  ) {}

  private widths(rows: Row[]): number[] {
    return this.header.map((_, col) => Math.max(...[this.header, ...rows].map((row) => row[col].length)));
  }

  private pad(row: readonly string[], widths: number[]): string[] {
    return row.map((cell, col) => (col < this.textColumns ? cell.padEnd(widths[col]) : cell.padStart(widths[col])));
  }

  print(rows: Row[]): void {
    const widths = this.widths(rows);
    console.log(`\n${this.pad(this.header, widths).join('  ')}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const row of rows) console.log(this.pad(row, widths).join('  '));
  }

  /** Laid out as Prettier would, so that `prettier --check` passes on the file this writes. */
  markdown(rows: Row[]): string[] {
    const widths = this.widths(rows);
    const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    const rule = widths.map((w, col) => (col < this.textColumns ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`));
    return [line(this.pad(this.header, widths)), line(rule), ...rows.map((row) => line(this.pad(row, widths)))];
  }
}

/** The installed version of a package, as the results name it. */
export function versionOf(root: string, pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
