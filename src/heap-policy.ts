/**
 * The heap policy of a process that renders documents (`--worker`, or the API and the worker in
 * one process); main.ts imports this module first, because V8 applies it from the next full
 * collection on and the first ones happen while the application's modules load.
 *
 * A rendering process keeps ~55 MiB of live objects and turns over some 50–100 KiB of
 * longer-lived garbage per document (CDP messages, the signing's copies of the PDF). By default V8
 * lets the old generation grow to about twice its live size before a full collection, so the
 * resident set climbs for hundreds of documents before it falls; capped at half the live size, it
 * stays flat at no measurable CPU cost (bench/RESULTS.md, PDF documents).
 */
import { setFlagsFromString } from 'node:v8';

/** How far, in % of the live heap, the old generation grows before the next full collection. */
export const WORKER_HEAP_GROWING_PERCENT = 50;

export const rendersDocuments = (argv: readonly string[]): boolean => !argv.includes('--api');

if (rendersDocuments(process.argv.slice(2))) setFlagsFromString(`--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`);
