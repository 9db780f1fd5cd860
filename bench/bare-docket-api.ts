/**
 * The stack's own floor for the docket: a bare NestJS + Apollo + Fastify application, as a newcomer would write it
 * (Apollo's defaults, no plugins), whose one resolver runs the statements the real API issued for the measured docket
 * (the same SQL with the same parameters, through a `pg` pool of the same size) and returns their rows in the docket's
 * shape. No token, no actor, no rate limit, no access rules, no input validation, no TypeORM: what is left is what
 * Fastify, Nest, Apollo and graphql-js cost on top of the database for this answer. bench/docket.bench.ts measures it
 * beside the API and the raw SQL, in the same run, and checks that it answers byte for byte what the API answers.
 *
 * Run by that benchmark as a forked child (never imported by it: its decorated types would join the API's schema, which
 * Nest's code-first builds from every decorated class loaded): a cluster of processes on one port, like the API's, and
 * the same answers to the parent (ready, CPU, stop).
 */
import cluster from 'node:cluster';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Field, GraphQLISODateTime, GraphQLModule, ID, InputType, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool, type QueryConfig } from 'pg';
import pino from 'pino';
import { startApiCluster } from '../src/api-cluster';
import { BARE_ENV } from './bare-env';
import { ownCpuMicros } from './cpu';
import { ask, type Statement } from './ipc';

const POOL = Symbol('pool');
const STATEMENTS = Symbol('statements');

@ObjectType('Party')
class BareParty {
  @Field()
  nameEn!: string;
}

@ObjectType('Lawsuit')
class BareLawsuit {
  @Field()
  caseNumber!: string;

  @Field(() => [BareParty])
  parties!: BareParty[];
}

@ObjectType('Hearing')
class BareHearing {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  startsAt!: Date;

  @Field(() => GraphQLISODateTime)
  endsAt!: Date;

  @Field()
  state!: string;

  @Field()
  mode!: string;

  @Field(() => String, { nullable: true })
  room!: string | null;

  @Field(() => BareLawsuit, { nullable: true })
  lawsuit!: BareLawsuit | null;
}

@InputType('DocketInput')
class BareDocketInput {
  @Field()
  from!: string;

  @Field({ nullable: true })
  to?: string;

  @Field(() => ID, { nullable: true })
  circuitId?: string;
}

interface DocketRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  state: string;
  mode: string;
  room: string | null;
  lawsuit?: { caseNumber: string } | null;
  parties?: BareParty[] | null;
}

@Resolver(() => BareHearing)
class BareDocketResolver {
  constructor(
    @Inject(POOL) private readonly pool: Pool,
    @Inject(STATEMENTS) private readonly statements: Statement[],
  ) {}

  @Query(() => [BareHearing])
  async docket(@Args('input') _input: BareDocketInput): Promise<BareHearing[]> {
    let rows: DocketRow[] = [];
    for (const s of this.statements) rows = (await this.pool.query<DocketRow>(s as QueryConfig)).rows;
    return rows.map((r) => ({ ...r, lawsuit: r.lawsuit ? { ...r.lawsuit, parties: r.parties ?? [] } : null }));
  }
}

@Module({})
class BareDocketModule {
  static forRoot(pool: Pool, statements: Statement[]): DynamicModule {
    return {
      module: BareDocketModule,
      imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, path: '/graphql' })],
      providers: [{ provide: POOL, useValue: pool }, { provide: STATEMENTS, useValue: statements }, BareDocketResolver],
    };
  }
}

/** The bare application on `databaseUrl`, with a pool of `poolSize` connections (the API's). */
async function createBareDocketApp(databaseUrl: string, poolSize: number, statements: Statement[]): Promise<NestFastifyApplication> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize, application_name: 'adl-bench-bare' });
  const app = await NestFactory.create<NestFastifyApplication>(BareDocketModule.forRoot(pool, statements), new FastifyAdapter(), {
    logger: ['error'],
  });
  app.enableShutdownHooks();
  return app;
}

type ParentMessage = { type: 'stop' } | { type: 'cpu' };
type ChildMessage = { type: 'ready'; port: number; processes: number; startupMs: number } | { type: 'cpu'; micros: number };

/** A worker: the application on the cluster's port; answers its CPU to the primary. */
async function worker(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: this file is run by bench/docket.bench.ts.`);
    return value;
  };
  const app = await createBareDocketApp(
    env('DATABASE_URL'),
    Number(env(BARE_ENV.poolSize)),
    JSON.parse(env(BARE_ENV.statements)) as Statement[],
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'cpu') process.send?.({ type: 'cpu', micros: ownCpuMicros() } satisfies ChildMessage);
  });
}

/** The primary: forks the workers, then answers the benchmark (ready, the CPU of all processes, stop). */
async function primary(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('This file is run by bench/docket.bench.ts.');
  const processes = Number(process.env[BARE_ENV.processes] ?? '1');
  const api = await startApiCluster(processes, pino({ level: 'error' }));
  const stop = (): void => void api.stop().finally(() => process.exit(0));
  const workerCpu = () =>
    Promise.all(api.workers().map((w) => ask<Extract<ChildMessage, { type: 'cpu' }>>(w, { type: 'cpu' }, 'A bare floor process')));
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') stop();
    else if (message.type === 'cpu')
      void workerCpu().then((each) =>
        send({ type: 'cpu', micros: ownCpuMicros() + each.reduce((sum, w) => sum + w.micros, 0) } satisfies ChildMessage),
      );
  });
  process.on('disconnect', stop);
  send({ type: 'ready', port: api.port, processes, startupMs: Math.round(process.uptime() * 1000) } satisfies ChildMessage);
}

if (require.main === module) {
  (cluster.isWorker ? worker() : primary()).catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  });
}
