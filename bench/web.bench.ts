/**
 * `npm run bench:web`: Lighthouse (mobile, simulated throttling: the default) on the portal's key
 * pages — home, verify, cause list (public), dashboard and case page (signed in) — against the
 * floor the same machine and throttling set in the same run: a page of one heading, no script, the
 * same font, served by a bare Node server. Each page is measured BENCH_RUNS times (default 3: the
 * first run on 2 cores is cold) and the median is kept. With the JavaScript each route loads
 * (web/dist/budget.json, written by the build) the figures and targets go into bench/RESULTS.md;
 * the command fails when a target is missed.
 *
 * The API runs as `npm run start:api` runs it (NODE_ENV=production, one process) in a child process
 * on a database of its own (BENCH_DATABASE, default adl_bench_web: migrated and seeded afresh), and
 * the signed-in pages are those of the seeded citizen 1010101010, with one lawsuit filed for the
 * case page. Needs `npm run build` first.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { Client } from 'pg';
import { Table, versionOf } from './report';
import { writeResults } from './results-file';
import { benchPaymentEnv, readNumber } from './settings';
import { repositoryRoot } from '../src/repository-root';

const ROOT = repositoryRoot(__dirname);
const SECTION_HEADING = '## Portal pages (Lighthouse, mobile)';
const CITIZEN = { nationalId: '1010101010', password: process.env.SEED_DEMO_PASSWORD || 'Adl-Demo-2026!' };
const TARGETS = { publicPerformance: 95, signedInPerformance: 90, accessibility: 100, lcpMs: 2000, jsKb: 150 };

interface PageSpec {
  name: string;
  path: string;
  signedIn: boolean;
  /** The route's chunk in web/dist/budget.json. */
  route: string;
}

interface Measure {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferKb: number;
}

const runs = readNumber('BENCH_RUNS', 3, 1, 15);
const databaseName = process.env.BENCH_DATABASE || 'adl_bench_web';

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase(databaseName);
  const port = await freePort();
  const api = await startApi(databaseUrl, port);
  const floor = await startFloor();
  const base = `http://127.0.0.1:${port}`;
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const auth = await signIn(base);
    const lawsuitId = await fileLawsuit(base, auth.accessToken);
    const pages: PageSpec[] = [
      { name: 'home', path: '/', signedIn: false, route: 'HomePage' },
      { name: 'verify', path: '/verify', signedIn: false, route: 'VerifyPage' },
      { name: 'cause list', path: '/cause-list', signedIn: false, route: 'CauseListPage' },
      { name: 'dashboard', path: '/dashboard', signedIn: true, route: 'DashboardPage' },
      { name: 'case page', path: `/cases/${lawsuitId}`, signedIn: true, route: 'CasePage' },
    ];
    const floorMeasure = await measure(browser, `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`, null);
    const results: { spec: PageSpec; m: Measure }[] = [];
    for (const spec of pages) {
      results.push({ spec, m: await measure(browser, `${base}${spec.path}`, spec.signedIn ? auth : null) });
      console.log(`${spec.name}: done`);
    }
    report(floorMeasure, results);
  } finally {
    await browser.close();
    floor.close();
    api.kill('SIGTERM');
  }
}

async function measure(browser: Browser, url: string, auth: object | null): Promise<Measure> {
  const { default: lighthouse } = await import('lighthouse');
  const all: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    if (auth) await placeSession(page, url, auth);
    const result = await lighthouse(
      url,
      { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], disableStorageReset: !!auth },
      undefined,
      page,
    );
    await page.close();
    const lhr = result!.lhr;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    all.push({
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      transferKb: audit('total-byte-weight') / 1024,
    });
  }
  const median = (pick: (m: Measure) => number) => {
    const values = all.map(pick).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  return {
    performance: median((m) => m.performance),
    accessibility: median((m) => m.accessibility),
    lcpMs: median((m) => m.lcpMs),
    tbtMs: median((m) => m.tbtMs),
    cls: median((m) => m.cls),
    transferKb: median((m) => m.transferKb),
  };
}

/** The session of a signed-in reader, placed in the tab the way the portal keeps it (docs/portal.md, "Sessions"). */
async function placeSession(page: Page, url: string, auth: object): Promise<void> {
  await page.goto(new URL('/favicon.svg', url).toString());
  await page.evaluate(`sessionStorage.setItem('adl-session', ${JSON.stringify(JSON.stringify(auth))})`);
  // Storage stays for the run (disableStorageReset), so the cache is emptied here: every run is a first visit.
  const cdp = await page.createCDPSession();
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

function report(floor: Measure, results: { spec: PageSpec; m: Measure }[]): void {
  const budget = JSON.parse(readFileSync(path.join(ROOT, 'web', 'dist', 'budget.json'), 'utf8')) as { gzipBytes: Record<string, number> };
  const jsKb = (route: string) => (budget.gzipBytes[route] ?? budget.gzipBytes['(shell)']) / 1024;
  const failures: string[] = [];
  const rows = results.map(({ spec, m }) => {
    const perfTarget = spec.signedIn ? TARGETS.signedInPerformance : TARGETS.publicPerformance;
    const js = jsKb(spec.route);
    const checks: [boolean, string][] = [
      [m.performance >= perfTarget, `performance ${m.performance} < ${perfTarget}`],
      [m.accessibility >= TARGETS.accessibility, `accessibility ${m.accessibility} < ${TARGETS.accessibility}`],
      [m.lcpMs < TARGETS.lcpMs, `LCP ${Math.round(m.lcpMs)} ms ≥ ${TARGETS.lcpMs} ms`],
      [js < TARGETS.jsKb, `JavaScript ${js.toFixed(1)} KB ≥ ${TARGETS.jsKb} KB`],
    ];
    for (const [ok, why] of checks) if (!ok) failures.push(`${spec.name}: ${why}`);
    return [
      spec.name,
      spec.signedIn ? 'signed in' : 'public',
      String(m.performance),
      String(m.accessibility),
      String(Math.round(m.lcpMs)),
      `+${Math.round(m.lcpMs - floor.lcpMs)}`,
      String(Math.round(m.tbtMs)),
      m.cls.toFixed(3),
      js.toFixed(1),
      m.transferKb.toFixed(0),
      checks.every(([ok]) => ok) ? 'met' : 'missed',
    ];
  });
  const floorRow = [
    'floor (one heading, no script)',
    'public',
    String(floor.performance),
    String(floor.accessibility),
    String(Math.round(floor.lcpMs)),
    '0',
    String(Math.round(floor.tbtMs)),
    floor.cls.toFixed(3),
    '0.0',
    floor.transferKb.toFixed(0),
    '—',
  ];
  const table = new Table(
    [
      'Page',
      'Access',
      'Performance',
      'Accessibility',
      'LCP ms',
      'LCP over floor',
      'TBT ms',
      'CLS',
      'JS KB (gzip)',
      'Transfer KB',
      'Targets',
    ],
    2,
  );
  table.print([floorRow, ...rows]);
  const section = [
    SECTION_HEADING,
    '',
    `Command: \`npm run build && npm run bench:web\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (BENCH_RUNS=${runs}).`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${os.platform()} ${os.arch()}, Node ${process.version}, Chromium from Debian, Lighthouse ${versionOf(ROOT, 'lighthouse')}.`,
    '',
    'Method: the API as `npm run start:api` runs it (NODE_ENV=production, one process) on a database migrated and seeded afresh, serving the built portal; Lighthouse with its defaults — a mobile phone, simulated throttling (slow 4G, 4× CPU slowdown) — on each page, the median of the runs. The floor is a page of one heading in the same font and no script, served by a bare Node server: what the machine and the throttling allow at best. Signed-in pages are the seeded citizen’s, the session placed in the tab as the portal keeps it; the case page is a lawsuit the citizen filed. "JS KB" is what the route loads, gzip (the build’s own count, web/dist/budget.json).',
    '',
    `Targets: performance ≥ ${TARGETS.publicPerformance} on public pages and ≥ ${TARGETS.signedInPerformance} signed in, accessibility ${TARGETS.accessibility}, largest contentful paint under ${TARGETS.lcpMs} ms, JavaScript per route under ${TARGETS.jsKb} KB.`,
    '',
    ...table.markdown([floorRow, ...rows]),
    '',
    failures.length ? `Missed: ${failures.join('; ')}.` : 'Every target met.',
    '',
  ].join('\n');
  console.log(`\n${failures.length ? `Missed: ${failures.join('; ')}` : 'Every target met.'}`);
  console.log(`Written to ${writeResults(ROOT, SECTION_HEADING, section)}`);
  if (failures.length) process.exitCode = 1;
}

async function freshDatabase(name: string): Promise<string> {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/adl');
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: url.toString() };
  execFileSync(process.execPath, [path.join(ROOT, 'dist', 'src', 'migrate.js')], { env, stdio: 'ignore' });
  execFileSync(process.execPath, [path.join(ROOT, 'dist', 'src', 'seed', 'seed.js')], { env, stdio: 'ignore' });
  return url.toString();
}

async function startApi(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js'), '--api'], {
    stdio: 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...benchPaymentEnv(),
      PORT: String(port),
      API_PROCESSES: '1',
      DATABASE_URL: databaseUrl,
      REDIS_PREFIX: 'adl-bench-web',
      JWT_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the API stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not answer /health within 60 s');
}

/** The floor: one heading in the portal's font, no script, from a bare Node server. */
async function startFloor(): Promise<Server> {
  const font = readFileSync(
    path.join(ROOT, 'node_modules', '@fontsource', 'noto-sans-arabic', 'files', 'noto-sans-arabic-arabic-400-normal.woff2'),
  );
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="floor"><title>عدل</title><style>@font-face{font-family:N;src:url(/f.woff2) format("woff2");font-display:swap}body{font-family:N,sans-serif}</style></head><body><main><h1>خدمات عدل</h1></main></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/f.woff2') res.writeHead(200, { 'content-type': 'font/woff2' }).end(font);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function gql<T>(base: string, query: string, variables: object, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function signIn(base: string): Promise<{ accessToken: string }> {
  const data = await gql<{ login: { accessToken: string } }>(
    base,
    'mutation($i: LoginInput!) { login(input: $i) { accessToken expiresAt refreshToken refreshExpiresAt user { id nationalId nameAr nameEn roles } } }',
    { i: CITIZEN },
  );
  return data.login;
}

async function fileLawsuit(base: string, token: string): Promise<string> {
  const data = await gql<{ fileLawsuit: { id: string } }>(
    base,
    'mutation($i: FileLawsuitInput!) { fileLawsuit(input: $i) { id } }',
    {
      i: {
        category: 'CIVIL',
        city: 'Riyadh',
        subject: 'مطالبة بمبلغ قرض',
        facts: 'أقرض المدعي المدعى عليه مبلغًا ولم يرده في الموعد المتفق عليه.',
        claimants: [
          { kind: 'PERSON', nationalId: CITIZEN.nationalId, nameAr: 'عبدالله محمد القحطاني', nameEn: 'Abdullah Mohammed Al-Qahtani' },
        ],
        defendants: [{ kind: 'PERSON', nationalId: '1020304059', nameAr: 'سارة خالد العتيبي', nameEn: 'Sarah Khalid Al-Otaibi' }],
        claims: [{ description: 'رد مبلغ القرض', amount: 50000 }],
      },
    },
    token,
  );
  return data.fileLawsuit.id;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
