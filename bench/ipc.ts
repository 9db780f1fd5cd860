/**
 * Questions between the benchmark, the servers it forks and their cluster workers: a message with a
 * `type`, answered by a message of the same type.
 */
import type { ChildProcess } from 'node:child_process';
import type { Worker } from 'node:cluster';

const IPC_TIMEOUT_MS = 10_000;

/** A statement the API issued, as captured from it and replayed: its prepared name, when it had one, its text and values. */
export interface Statement {
  /** The prepared statement's name, when the API ran it as one (core/database/plain-rows.ts). */
  name?: string;
  text: string;
  values?: unknown[];
}

/** Sends `message` to `peer` (named in the error) and waits for its answer of the same type. */
export function ask<Answer extends { type: string }>(peer: ChildProcess | Worker, message: { type: string }, who: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      peer.off('message', onMessage);
      reject(new Error(`${who} did not answer "${message.type}" within ${IPC_TIMEOUT_MS} ms.`));
    }, IPC_TIMEOUT_MS);
    const onMessage = (reply: { type: string }): void => {
      if (reply.type !== message.type) return;
      clearTimeout(timer);
      peer.off('message', onMessage);
      resolve(reply as Answer);
    };
    peer.on('message', onMessage);
    peer.send(message);
  });
}
