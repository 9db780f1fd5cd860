"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm run bench:http`: serves the same code-first GraphQL resolver through NestJS + Apollo Server on Fastify
 * and on Express, loads both with autocannon, and records the figures in bench/RESULTS.md, so that the choice of
 * HTTP platform rests on a measurement from this machine rather than on folklore.
 *
 * The resolver returns a fixed in-memory list (no database), so only the HTTP + GraphQL layer is measured.
 * Each server runs in a forked child process: the load generator in this process must not share an event loop
 * (or its garbage collector) with the server it measures.
 *
 * Environment: BENCH_SECONDS (measured seconds per route, default 10), BENCH_WARMUP_SECONDS (default 2),
 * BENCH_CONNECTIONS (default 8).
 */
require("reflect-metadata");
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = __importDefault(require("node:os"));
const node_path_1 = __importDefault(require("node:path"));
const apollo_1 = require("@nestjs/apollo");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const graphql_1 = require("@nestjs/graphql");
const platform_express_1 = require("@nestjs/platform-express");
const platform_fastify_1 = require("@nestjs/platform-fastify");
const autocannon_1 = __importDefault(require("autocannon"));
const PLATFORMS = ['fastify', 'express'];
const LABEL = { fastify: 'Fastify', express: 'Express' };
const HOST = '127.0.0.1';
const SERVE_FLAG = '--serve';
const SECTION_HEADING = '## HTTP platform (Fastify vs Express)';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const CPU_QUERY_TIMEOUT_MS = 5_000;
/** Share of the machine's CPU taken by other processes during a measurement above which its figures are flagged. */
const FOREIGN_CPU_WARNING = 0.1;
// ---------------------------------------------------------------------------------------------------------------
// The application under test (runs in the child process)
// ---------------------------------------------------------------------------------------------------------------
let CourtItem = class CourtItem {
};
__decorate([
    (0, graphql_1.Field)(() => graphql_1.ID),
    __metadata("design:type", String)
], CourtItem.prototype, "id", void 0);
__decorate([
    (0, graphql_1.Field)(),
    __metadata("design:type", String)
], CourtItem.prototype, "code", void 0);
__decorate([
    (0, graphql_1.Field)(),
    __metadata("design:type", String)
], CourtItem.prototype, "nameAr", void 0);
__decorate([
    (0, graphql_1.Field)(),
    __metadata("design:type", String)
], CourtItem.prototype, "nameEn", void 0);
CourtItem = __decorate([
    (0, graphql_1.ObjectType)('Court')
], CourtItem);
// Arabic text makes the responses multi-byte UTF-8, as the real API's are.
const CITIES = [
    ['الرياض', 'Riyadh'], ['جدة', 'Jeddah'], ['مكة المكرمة', 'Makkah'], ['المدينة المنورة', 'Madinah'],
    ['الدمام', 'Dammam'], ['الخبر', 'Khobar'], ['الطائف', 'Taif'], ['تبوك', 'Tabuk'], ['أبها', 'Abha'],
    ['حائل', 'Hail'], ['بريدة', 'Buraidah'], ['نجران', 'Najran'], ['جازان', 'Jazan'], ['الأحساء', 'Al-Ahsa'],
    ['ينبع', 'Yanbu'], ['القطيف', 'Qatif'], ['الجبيل', 'Jubail'], ['سكاكا', 'Sakaka'], ['عرعر', 'Arar'],
    ['الباحة', 'Al-Baha'],
];
const COURTS = CITIES.map(([ar, en], i) => ({
    id: String(i + 1),
    code: `GC-${String(i + 1).padStart(2, '0')}`,
    nameAr: `المحكمة العامة ب${ar}`,
    nameEn: `General Court of ${en}`,
}));
let CourtsResolver = class CourtsResolver {
    courts(first) {
        return COURTS.slice(0, Math.max(0, first ?? COURTS.length));
    }
};
__decorate([
    (0, graphql_1.Query)(() => [CourtItem]),
    __param(0, (0, graphql_1.Args)('first', { type: () => graphql_1.Int, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Number]),
    __metadata("design:returntype", Array)
], CourtsResolver.prototype, "courts", null);
CourtsResolver = __decorate([
    (0, graphql_1.Resolver)(() => CourtItem)
], CourtsResolver);
let PingController = class PingController {
    ping() {
        return { ok: true };
    }
};
__decorate([
    (0, common_1.Get)('ping'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], PingController.prototype, "ping", null);
PingController = __decorate([
    (0, common_1.Controller)()
], PingController);
let BenchModule = class BenchModule {
};
BenchModule = __decorate([
    (0, common_1.Module)({
        imports: [
            graphql_1.GraphQLModule.forRoot({
                driver: apollo_1.ApolloDriver,
                autoSchemaFile: true,
                // The landing page would otherwise be a plugin on every request path; production runs without it.
                graphiql: false,
            }),
        ],
        controllers: [PingController],
        providers: [CourtsResolver],
    })
], BenchModule);
async function serve(platform) {
    const send = process.send?.bind(process);
    if (!send)
        throw new Error(`${SERVE_FLAG} is meant for a process forked by this benchmark.`);
    const adapter = platform === 'fastify' ? new platform_fastify_1.FastifyAdapter() : new platform_express_1.ExpressAdapter();
    const app = await core_1.NestFactory.create(BenchModule, adapter, { logger: ['error', 'warn'] });
    await app.listen(0, HOST);
    const { port } = app.getHttpServer().address();
    let stopping = false;
    const stop = () => {
        if (stopping)
            return;
        stopping = true;
        void app.close().finally(() => process.exit(0));
    };
    process.on('message', (message) => {
        if (message === 'stop')
            stop();
        if (message === 'cpu') {
            const { user, system } = process.cpuUsage();
            const reply = { type: 'cpu', micros: user + system };
            send(reply);
        }
    });
    // A parent that dies must not leave a server running: losing the IPC channel means nobody will ever stop us.
    process.on('disconnect', stop);
    const ready = { type: 'ready', port, startupMs: Math.round(process.uptime() * 1000) };
    send(ready);
}
function readNumber(name, fallback, min, max) {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '')
        return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
    }
    return value;
}
function readSettings() {
    return {
        seconds: readNumber('BENCH_SECONDS', 10, 1, 600),
        warmupSeconds: readNumber('BENCH_WARMUP_SECONDS', 2, 0, 60),
        connections: readNumber('BENCH_CONNECTIONS', 8, 1, 1024),
    };
}
const GRAPHQL_BODY = JSON.stringify({
    operationName: 'Courts',
    query: 'query Courts($first: Int) { courts(first: $first) { id code nameAr nameEn } }',
    variables: { first: COURTS.length },
});
// /ping is the platform's floor: comparing it with /graphql shows whether a gap comes from the platform itself
// or from the Apollo integration on top of it.
const ROUTES = [
    { name: 'POST /graphql', path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: GRAPHQL_BODY },
    { name: 'GET /ping', path: '/ping', method: 'GET' },
];
const children = new Set();
function startServer(platform) {
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.fork)(__filename, [SERVE_FLAG, platform], {
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
            // Apollo Server and Express both take shortcuts in production; measure what will be deployed.
            env: { ...process.env, NODE_ENV: 'production' },
        });
        children.add(child);
        child.once('exit', () => children.delete(child));
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`The ${LABEL[platform]} server was not ready within ${READY_TIMEOUT_MS} ms.`));
        }, READY_TIMEOUT_MS);
        child.once('message', (message) => {
            clearTimeout(timer);
            if (message.type === 'ready')
                resolve({ child, port: message.port, startupMs: message.startupMs });
            else
                reject(new Error(`The ${LABEL[platform]} server sent ${message.type} before it was ready.`));
        });
        child.once('exit', (code, signal) => {
            clearTimeout(timer);
            reject(new Error(`The ${LABEL[platform]} server exited before it was ready (code ${code}, signal ${signal}).`));
        });
    });
}
function stopServer(child) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
        if (child.connected)
            child.send('stop');
        else
            child.kill('SIGTERM');
    });
}
/** One request per route before loading it, so that a broken server fails loudly instead of measuring errors fast. */
async function verify(base) {
    const signal = AbortSignal.timeout(5_000);
    const graphql = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: GRAPHQL_BODY, signal });
    const payload = (await graphql.json());
    const courts = payload.data?.courts;
    if (graphql.status !== 200 || courts?.length !== COURTS.length || courts[0]?.nameAr !== COURTS[0]?.nameAr) {
        throw new Error(`${base}/graphql answered ${graphql.status}: ${JSON.stringify(payload).slice(0, 500)}`);
    }
    const ping = await fetch(`${base}/ping`, { signal });
    const pong = (await ping.json());
    if (ping.status !== 200 || pong.ok !== true)
        throw new Error(`${base}/ping answered ${ping.status}: ${JSON.stringify(pong)}`);
}
function percentile(sorted, p) {
    if (sorted.length === 0)
        return Number.NaN;
    const rank = Math.ceil((p / 100) * sorted.length) - 1;
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
function load(base, route, seconds, connections) {
    return new Promise((resolve, reject) => {
        // autocannon's own latency histogram has whole-millisecond buckets, too coarse for sub-millisecond answers,
        // so the exact per-response times are kept here instead.
        const latencies = [];
        const instance = (0, autocannon_1.default)({
            url: `${base}${route.path}`,
            method: route.method,
            headers: route.headers,
            body: route.body,
            connections,
            pipelining: 1,
            duration: seconds,
            timeout: 10,
        }, (err, result) => {
            if (err)
                return reject(err instanceof Error ? err : new Error(String(err)));
            const sorted = Float64Array.from(latencies).sort();
            resolve({
                requestsPerSecond: result.requests.average,
                requests: result.requests.total,
                p50: percentile(sorted, 50),
                p975: percentile(sorted, 97.5),
                p99: percentile(sorted, 99),
                failures: result.errors + result.timeouts + result.non2xx,
            });
        });
        instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
}
function serverCpuMicros(child) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.off('message', onMessage);
            reject(new Error(`The server did not report its CPU time within ${CPU_QUERY_TIMEOUT_MS} ms.`));
        }, CPU_QUERY_TIMEOUT_MS);
        const onMessage = (message) => {
            if (message.type !== 'cpu')
                return;
            clearTimeout(timer);
            child.off('message', onMessage);
            resolve(message.micros);
        };
        child.on('message', onMessage);
        child.send('cpu');
    });
}
async function cpuSnapshot(child) {
    const serverMicros = await serverCpuMicros(child);
    const { user, system } = process.cpuUsage();
    let machineBusyMs = 0;
    let machineTotalMs = 0;
    for (const { times } of node_os_1.default.cpus()) {
        const busy = times.user + times.nice + times.sys + times.irq;
        machineBusyMs += busy;
        machineTotalMs += busy + times.idle;
    }
    return { machineBusyMs, machineTotalMs, selfMicros: user + system, serverMicros };
}
/**
 * Loads one route while accounting for CPU: the server's own time per request, and whatever the rest of the machine
 * (other builds, installs, services) took meanwhile. On a shared machine the second figure is what tells a real
 * difference from a neighbour's noise.
 */
async function measureRoute(child, base, route, settings) {
    const before = await cpuSnapshot(child);
    const result = await load(base, route, settings.seconds, settings.connections);
    const after = await cpuSnapshot(child);
    const serverMs = (after.serverMicros - before.serverMicros) / 1000;
    const selfMs = (after.selfMicros - before.selfMicros) / 1000;
    const machineBusyMs = after.machineBusyMs - before.machineBusyMs;
    const machineTotalMs = after.machineTotalMs - before.machineTotalMs;
    return {
        ...result,
        serverCpuMicrosPerRequest: result.requests > 0 ? (serverMs * 1000) / result.requests : Number.NaN,
        foreignCpu: machineTotalMs > 0 ? Math.max(0, machineBusyMs - serverMs - selfMs) / machineTotalMs : 0,
    };
}
async function measure(platform, settings) {
    console.log(`\n${LABEL[platform]}: starting server…`);
    const server = await startServer(platform);
    const base = `http://${HOST}:${server.port}`;
    try {
        await verify(base);
        const routes = {};
        for (const route of ROUTES) {
            // Lets the JIT settle and the connections open before anything is counted.
            if (settings.warmupSeconds > 0)
                await load(base, route, settings.warmupSeconds, settings.connections);
            console.log(`${LABEL[platform]}: ${route.name} for ${settings.seconds} s…`);
            const m = await measureRoute(server.child, base, route, settings);
            if (m.foreignCpu > FOREIGN_CPU_WARNING) {
                console.warn(`${LABEL[platform]}: other processes took ${percent(m.foreignCpu)} of the CPU during ${route.name}; its figures are noisy.`);
            }
            routes[route.name] = m;
        }
        return { startupMs: server.startupMs, routes };
    }
    finally {
        await stopServer(server.child);
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------------
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (value) => value.toFixed(2);
const percent = (share) => `${Math.round(share * 100)} %`;
const HEADER = ['Route', 'Platform', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'requests', 'failures', 'server CPU µs/req', 'other CPU'];
function rows(runs) {
    return ROUTES.flatMap((route) => PLATFORMS.map((platform) => {
        const m = runs[platform].routes[route.name];
        return [
            route.name,
            LABEL[platform],
            integer.format(m.requestsPerSecond),
            ms(m.p50),
            ms(m.p975),
            ms(m.p99),
            integer.format(m.requests),
            String(m.failures),
            integer.format(m.serverCpuMicrosPerRequest),
            percent(m.foreignCpu),
        ];
    }));
}
function ratios(runs) {
    return ROUTES.map((route) => {
        const fastify = runs.fastify.routes[route.name];
        const express = runs.express.routes[route.name];
        const ratio = (a, b) => `×${(a / b).toFixed(2)}`;
        return (`${route.name}: Fastify/Express = ${ratio(fastify.requestsPerSecond, express.requestsPerSecond)} req/s, ` +
            `${ratio(fastify.p50, express.p50)} p50 latency, ${ratio(fastify.serverCpuMicrosPerRequest, express.serverCpuMicrosPerRequest)} server CPU per request`);
    });
}
function noisy(runs) {
    return PLATFORMS.some((p) => Object.values(runs[p].routes).some((m) => m.foreignCpu > FOREIGN_CPU_WARNING));
}
function printTable(table) {
    const all = [HEADER, ...table];
    const widths = HEADER.map((_, col) => Math.max(...all.map((row) => row[col].length)));
    // Text columns left-aligned, figures right-aligned.
    const format = (row) => row.map((cell, col) => (col < 2 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
    console.log(`\n${format(HEADER)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const row of table)
        console.log(format(row));
}
function findRepoRoot() {
    // Compiled into dist/bench or dist-bench/bench: the nearest package.json above is the repository's.
    for (let dir = __dirname;; dir = node_path_1.default.dirname(dir)) {
        if ((0, node_fs_1.existsSync)(node_path_1.default.join(dir, 'package.json')))
            return dir;
        if (node_path_1.default.dirname(dir) === dir)
            throw new Error(`No package.json above ${__dirname}.`);
    }
}
function versionOf(root, pkg) {
    try {
        return JSON.parse((0, node_fs_1.readFileSync)(node_path_1.default.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    }
    catch {
        return '?';
    }
}
function renderSection(root, settings, runs, table) {
    const cpus = node_os_1.default.cpus();
    const v = (pkg) => `${pkg} ${versionOf(root, pkg)}`;
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [
        SECTION_HEADING,
        '',
        `Command: \`npm run bench:http\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
        `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${node_os_1.default.platform()} ${node_os_1.default.arch()}, Node ${process.version}.`,
        `Stack: ${v('@nestjs/core')}, ${v('@nestjs/graphql')} code-first, ${v('@nestjs/apollo')}, ${v('@apollo/server')}, ` +
            `${v('@nestjs/platform-fastify')} (${v('fastify')}, ${v('@as-integrations/fastify')}), ` +
            `${v('@nestjs/platform-express')} (${v('express')}, ${v('@as-integrations/express5')}).`,
        `Method: each server in its own process on ${HOST} (NODE_ENV=production); autocannon in the parent with ` +
            `${settings.connections} connections, ${settings.warmupSeconds} s warm-up, then ${settings.seconds} s measured per route. ` +
            `\`courts(first: ${COURTS.length})\` returns ${COURTS.length} in-memory objects with Arabic and English names; no database.`,
        '',
        line(HEADER),
        line(HEADER.map((_, col) => (col < 2 ? '---' : '---:'))),
        ...table.map(line),
        '',
        ...ratios(runs).map((r) => `- ${r}`),
        `- Startup to listening: Fastify ${runs.fastify.startupMs} ms, Express ${runs.express.startupMs} ms.`,
        ...(noisy(runs) ? [`- Other processes took over ${percent(FOREIGN_CPU_WARNING)} of the CPU during some runs (other CPU column): treat those figures with caution.`] : []),
        '',
    ].join('\n');
}
/** Replaces this benchmark's section (up to the next heading of the same or a higher level), leaving the rest alone. */
function upsertSection(document, section) {
    const lines = document.split('\n');
    let inFence = false;
    let start = -1;
    let end = lines.length;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (/^(```|~~~)/.test(line))
            inFence = !inFence;
        if (inFence)
            continue;
        if (start === -1 && line.trim() === SECTION_HEADING)
            start = i;
        else if (start !== -1 && /^#{1,2} /.test(line)) {
            end = i;
            break;
        }
    }
    if (start === -1)
        return `${document.trimEnd()}\n\n${section}`;
    const before = lines.slice(0, start).join('\n');
    const after = lines.slice(end).join('\n');
    return `${before ? `${before.trimEnd()}\n\n` : ''}${section}${after ? `\n${after}` : ''}`;
}
function writeResults(section, root) {
    const file = node_path_1.default.join(root, 'bench', 'RESULTS.md');
    const current = (0, node_fs_1.existsSync)(file)
        ? (0, node_fs_1.readFileSync)(file, 'utf8')
        : '# Benchmarks\n\nEach section is rewritten by the command named in it; the others are left as they are.\n';
    (0, node_fs_1.writeFileSync)(file, upsertSection(current, section));
    return file;
}
async function main() {
    const settings = readSettings();
    // Everything below is bounded by autocannon's durations and the server timeouts; this is the backstop that
    // guarantees the script ends even if one of those bounds fails.
    const budgetMs = PLATFORMS.length * (READY_TIMEOUT_MS + STOP_TIMEOUT_MS + ROUTES.length * (settings.warmupSeconds + settings.seconds + 15 + (2 * CPU_QUERY_TIMEOUT_MS) / 1000) * 1000);
    setTimeout(() => {
        console.error(`The benchmark exceeded its ${Math.round(budgetMs / 1000)} s budget; stopping.`);
        for (const child of children)
            child.kill('SIGKILL');
        process.exit(1);
    }, budgetMs).unref();
    const cpus = node_os_1.default.cpus();
    console.log(`HTTP platform benchmark: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ` +
        `${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per route.`);
    const runs = {};
    for (const platform of PLATFORMS)
        runs[platform] = await measure(platform, settings);
    const table = rows(runs);
    printTable(table);
    console.log('');
    for (const r of ratios(runs))
        console.log(r);
    const failed = PLATFORMS.some((p) => Object.values(runs[p].routes).some((m) => m.failures > 0));
    if (failed) {
        console.error('\nSome requests failed (see the failures column); bench/RESULTS.md was left unchanged.');
        process.exitCode = 1;
        return;
    }
    const root = findRepoRoot();
    const file = writeResults(renderSection(root, settings, runs, table), root);
    console.log(`\nWrote ${node_path_1.default.relative(process.cwd(), file) || file}.`);
}
if (require.main === module) {
    const flag = process.argv.indexOf(SERVE_FLAG);
    const platform = flag === -1 ? undefined : process.argv[flag + 1];
    const run = flag === -1 ? main() : PLATFORMS.includes(platform) ? serve(platform) : Promise.reject(new Error(`Unknown platform "${platform}".`));
    run.catch((err) => {
        console.error(err instanceof Error ? (err.stack ?? err.message) : err);
        for (const child of children)
            child.kill('SIGKILL');
        process.exit(1);
    });
}
//# sourceMappingURL=http-platform.bench.js.map