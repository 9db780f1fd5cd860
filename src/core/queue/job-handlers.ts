/**
 * Which processor handles which job. Processors register their jobs here; at worker start-up
 * every job of jobs.ts must have exactly one handler, or the worker refuses to start.
 */
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JOB_QUEUE, JobName, JobPayloads } from './jobs';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], meta: { jobId: string; attempt: number }) => Promise<unknown>;

@Injectable()
export class JobHandlers implements OnApplicationBootstrap {
  private readonly handlers = new Map<JobName, JobHandler<JobName>[]>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler as unknown as JobHandler<JobName>]);
  }

  get<N extends JobName>(name: N): JobHandler<N> {
    const found = this.handlers.get(name);
    if (!found || found.length !== 1) throw new Error(`Job ${name} has ${found?.length ?? 0} handlers`);
    return found[0];
  }

  /** Every job exactly one handler. */
  problems(): string[] {
    return (Object.keys(JOB_QUEUE) as JobName[])
      .map((name) => [name, this.handlers.get(name)?.length ?? 0] as const)
      .filter(([, count]) => count !== 1)
      .map(([name, count]) => `job ${name} has ${count} handlers`);
  }

  onApplicationBootstrap(): void {
    const problems = this.problems();
    if (problems.length) throw new Error(`Worker job handlers are incomplete: ${problems.join('; ')}`);
  }
}
