/**
 * The uploads benchmark's second floor (uploads.bench.ts): the least a Node HTTP server can do with
 * an upload — each request's body written as it arrives to a file of its own (flushed on close),
 * nothing parsed, checked or hashed — in a process of its own, as the API is. It shows how much of
 * the disk's speed any Node API can reach over loopback HTTP on this machine.
 * Env: PORT, BARE_DIR. Prints `listening` once it answers.
 */
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.env.BARE_DIR!;
let n = 0;
const server = createServer((req, res) => {
  const file = path.join(dir, `${process.pid}-${n++}.bin`);
  pipeline(req, createWriteStream(file, { flush: true })).then(
    () => res.writeHead(201).end(),
    () => res.writeHead(500).end(),
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
