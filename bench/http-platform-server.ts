/**
 * The application `npm run bench:http` measures, run in a child process forked by it: NestJS with
 * Apollo (code-first) on Fastify or on Express, one GraphQL query over in-memory courts and one
 * REST ping, no database. It reports its port when listening and its own CPU time when asked.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLModule, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { fork, type ChildProcess } from 'node:child_process';
import { ownCpuMicros } from './cpu';

export const PLATFORMS = ['fastify', 'express'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const HOST = '127.0.0.1';
export const LABEL: Record<Platform, string> = { fastify: 'Fastify', express: 'Express' };
const SERVE_FLAG = '--serve';
export const READY_TIMEOUT_MS = 30_000;
export const STOP_TIMEOUT_MS = 10_000;

@ObjectType('Court')
class CourtItem {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field() nameAr!: string;
  @Field() nameEn!: string;
}

// Arabic text makes the responses multi-byte UTF-8, as the real API's are.
const CITIES: ReadonlyArray<readonly [ar: string, en: string]> = [
  ['الرياض', 'Riyadh'],
  ['جدة', 'Jeddah'],
  ['مكة المكرمة', 'Makkah'],
  ['المدينة المنورة', 'Madinah'],
  ['الدمام', 'Dammam'],
  ['الخبر', 'Khobar'],
  ['الطائف', 'Taif'],
  ['تبوك', 'Tabuk'],
  ['أبها', 'Abha'],
  ['حائل', 'Hail'],
  ['بريدة', 'Buraidah'],
  ['نجران', 'Najran'],
  ['جازان', 'Jazan'],
  ['الأحساء', 'Al-Ahsa'],
  ['ينبع', 'Yanbu'],
  ['القطيف', 'Qatif'],
  ['الجبيل', 'Jubail'],
  ['سكاكا', 'Sakaka'],
  ['عرعر', 'Arar'],
  ['الباحة', 'Al-Baha'],
];

export const COURTS: readonly CourtItem[] = CITIES.map(([ar, en], i) => ({
  id: String(i + 1),
  code: `GC-${String(i + 1).padStart(2, '0')}`,
  nameAr: `المحكمة العامة ب${ar}`,
  nameEn: `General Court of ${en}`,
}));

@Resolver(() => CourtItem)
class CourtsResolver {
  @Query(() => [CourtItem])
  courts(@Args('first', { type: () => Int, nullable: true }) first?: number): readonly CourtItem[] {
    return COURTS.slice(0, Math.max(0, first ?? COURTS.length));
  }
}

@Controller()
class PingController {
  @Get('ping')
  ping(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      // Stated rather than left to NODE_ENV: production serves no GraphiQL page, so neither does the benchmark.
      graphiql: false,
    }),
  ],
  controllers: [PingController],
  providers: [CourtsResolver],
})
class BenchModule {}

export type ChildMessage = { type: 'ready'; port: number; startupMs: number } | { type: 'cpu'; micros: number };

async function serve(platform: Platform): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error(`${SERVE_FLAG} is meant for a process forked by this benchmark.`);

  const adapter = platform === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  const app = await NestFactory.create(BenchModule, adapter, { logger: ['error', 'warn'] });
  await app.listen(0, HOST);
  const { port } = app.getHttpServer().address() as AddressInfo;

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void app.close().finally(() => process.exit(0));
  };
  process.on('message', (message) => {
    if (message === 'stop') stop();
    if (message === 'cpu') {
      const reply: ChildMessage = { type: 'cpu', micros: ownCpuMicros() };
      send(reply);
    }
  });
  // A parent that dies must not leave a server running: losing the IPC channel means nobody will ever stop us.
  process.on('disconnect', stop);

  const ready: ChildMessage = { type: 'ready', port, startupMs: Math.round(process.uptime() * 1000) };
  send(ready);
}

// The parent's side: a server started in a child process of its own, and stopped.

export interface Server {
  child: ChildProcess;
  port: number;
  startupMs: number;
}

/** The servers running, killed if the benchmark fails. */
export const children = new Set<ChildProcess>();

export function startServer(platform: Platform): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [SERVE_FLAG, platform], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // Apollo Server (introspection, stack traces in errors) and Express change defaults in production; measure
      // what will be deployed.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    children.add(child);
    child.once('exit', () => children.delete(child));

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The ${LABEL[platform]} server was not ready within ${READY_TIMEOUT_MS} ms.`));
    }, READY_TIMEOUT_MS);
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve({ child, port: message.port, startupMs: message.startupMs });
      else reject(new Error(`The ${LABEL[platform]} server sent ${message.type} before it was ready.`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The ${LABEL[platform]} server exited before it was ready (code ${code}, signal ${signal}).`));
    });
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send('stop');
    else child.kill('SIGTERM');
  });
}

if (require.main === module) {
  const platform = process.argv[process.argv.indexOf(SERVE_FLAG) + 1] as Platform;
  (PLATFORMS.includes(platform) ? serve(platform) : Promise.reject(new Error(`Unknown platform "${platform}".`))).catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
