/**
 * One uploaded file on its way to storage (docs/evidence.md): the head is read first and the type
 * decided from its bytes; then the whole stream passes once through the SHA-256, the size count
 * and, for a PDF, the scanner, straight into storage. Nothing is held whole in memory; a refusal,
 * the size cap or a sender who goes away stops the stream, and storage keeps nothing.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DocumentStorage } from '../documents';
import { UploadRejectedError } from '../core/errors/domain-error';
import { EVIDENCE } from './evidence-messages';
import { AllowedType, decideType, HEAD_BYTES, RejectionReason } from './file-types';
import { PdfScanner } from './pdf-scan';

export interface IncomingFile {
  stream: Readable;
  fileName: string;
  declaredType: string;
  /** Whether the multipart parser cut the file at its size limit (then it ended early, whole-looking). */
  truncated?: () => boolean;
}

export interface StoredFile {
  type: AllowedType;
  sizeBytes: number;
  sha256: string;
}

export function rejection(reason: RejectionReason, limitMb?: number): UploadRejectedError {
  const status =
    reason === 'too_large' ? 413 : reason === 'quota_exceeded' ? 429 : reason === 'no_file' || reason === 'interrupted' ? 400 : 422;
  return new UploadRejectedError(reason, EVIDENCE[reason]({ limit: limitMb ?? 0 }), status);
}

/** @fastify/multipart's error when the stream passes the file size limit. */
const TOO_LARGE = 'FST_REQ_FILE_TOO_LARGE';

export async function intake(storage: DocumentStorage, key: string, file: IncomingFile, maxBytes: number): Promise<StoredFile> {
  const limitMb = Math.round(maxBytes / 1024 / 1024);
  const source = file.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let headBytes = 0;
  try {
    while (headBytes < HEAD_BYTES) {
      const next = await source.next();
      if (next.done) break;
      head.push(next.value);
      headBytes += next.value.length;
    }
  } catch (err) {
    throw failure(err, limitMb, file.stream);
  }
  if (headBytes === 0) throw rejection('empty');
  const decided = await decideType(new Uint8Array(Buffer.concat(head).subarray(0, HEAD_BYTES)), file.declaredType, file.fileName);
  if ('reason' in decided) {
    file.stream.resume();
    throw rejection(decided.reason);
  }
  const hash = createHash('sha256');
  const scanner = decided.type.detected === 'pdf' ? new PdfScanner() : null;
  let sizeBytes = 0;
  let refused: RejectionReason | null = null;
  async function* checked(): AsyncGenerator<Buffer> {
    const pass = (chunk: Buffer) => {
      hash.update(chunk);
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) throw rejection('too_large', limitMb);
      refused = scanner?.feed(chunk) ?? null;
      if (refused) throw rejection(refused);
      return chunk;
    };
    for (const chunk of head) yield pass(chunk);
    for (let next = await source.next(); !next.done; next = await source.next()) yield pass(next.value);
    refused = scanner?.end() ?? null;
    if (refused) throw rejection(refused);
  }
  try {
    await storage.putStream(key, Readable.from(checked(), { objectMode: false }), decided.type.mime);
  } catch (err) {
    file.stream.resume();
    throw failure(err, limitMb, file.stream);
  }
  if (file.truncated?.()) {
    await storage.remove(key);
    throw rejection('too_large', limitMb);
  }
  return { type: decided.type, sizeBytes, sha256: hash.digest('hex') };
}

function failure(err: unknown, limitMb: number, stream: Readable): Error {
  if (err instanceof UploadRejectedError) return err;
  if ((err as { code?: string }).code === TOO_LARGE) return rejection('too_large', limitMb);
  // The sender went away, or the multipart body broke off: nothing was kept. Anything else (the
  // storage failed) is a fault of ours and stays one.
  if (stream.errored || stream.destroyed || /Unexpected end|aborted|premature close/i.test(String((err as Error)?.message))) {
    return rejection('interrupted');
  }
  return err as Error;
}
