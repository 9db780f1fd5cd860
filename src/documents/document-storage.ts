/**
 * Where PDFs and uploaded files live, behind one interface: a local directory (DOCUMENTS_DIR, the
 * default) or an S3-compatible bucket (DOCUMENTS_STORAGE=s3: MinIO in docker-compose.yml). A write
 * is atomic in both: a temporary file renamed into place, or one (multipart) upload completed at
 * the end; a reader never sees half a file, and a write that fails leaves nothing.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface DocumentStorage {
  readonly name: string;
  put(key: string, bytes: Buffer): Promise<void>;
  /**
   * Stores a stream as it arrives, never holding it whole; when the stream fails (the sender
   * went away, a check refused it) nothing is kept and the error is thrown.
   */
  putStream(key: string, source: Readable, contentType: string): Promise<void>;
  /** The stored bytes as a stream, or null when nothing is stored under the key. */
  open(key: string): Promise<Readable | null>;
  /** Deletes what is stored under the key (nothing there is not an error). */
  remove(key: string): Promise<void>;
}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

export class LocalDocumentStorage implements DocumentStorage {
  readonly name = 'local';
  constructor(private readonly root: string) {}

  private path(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + '/')) throw new Error(`storage key escapes the documents directory: ${key}`);
    return path;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // One temporary name per document: writers of a document take turns (its row is locked), and
    // the leftover of a writer killed mid-write is overwritten by the next attempt, then renamed away.
    const temporary = `${path}.part`;
    try {
      await writeFile(temporary, bytes, { flush: true });
      await rename(temporary, path);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
  }

  async putStream(key: string, source: Readable): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    // Keys of uploads are new ids: one writer per temporary name.
    const temporary = `${path}.part`;
    try {
      await pipeline(source, createWriteStream(temporary, { flush: true }));
      await rename(temporary, path);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async open(key: string): Promise<Readable | null> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }
}
