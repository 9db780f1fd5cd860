/**
 * Both storages through the same interface: local files (atomic rename, no leftovers, keys that
 * cannot escape the directory) and S3 over the wire against s3rver, an S3-protocol server on
 * 127.0.0.1 (the deployment uses MinIO; the protocol is the same).
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { DocumentStorage, LocalDocumentStorage } from './document-storage';
import { S3DocumentStorage } from './s3-document-storage';

async function read(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function roundTrip(storage: DocumentStorage): Promise<void> {
  const bytes = Buffer.from('%PDF-1.7 a document\n');
  await storage.put('documents/a.pdf', bytes);
  expect(await read(await storage.open('documents/a.pdf'))).toEqual(bytes);
  // A second write replaces the first whole.
  await storage.put('documents/a.pdf', Buffer.from('%PDF-1.7 again'));
  expect((await read(await storage.open('documents/a.pdf')))?.toString()).toBe('%PDF-1.7 again');
  expect(await storage.open('documents/missing.pdf')).toBeNull();
}

describe('document storage', () => {
  it('local: round trip, atomic replacement, no temporary files left, no escape from the directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adl-store-'));
    const storage = new LocalDocumentStorage(dir);
    await roundTrip(storage);
    expect(readdirSync(join(dir, 'documents'))).toEqual(['a.pdf']);
    await expect(storage.put('../outside.pdf', Buffer.from('x'))).rejects.toThrow(/escapes/);
  });

  it('s3: round trip over the S3 protocol', async () => {
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: mkdtempSync(join(tmpdir(), 'adl-s3-')),
      configureBuckets: [{ name: 'adl-documents', configs: [] }],
    });
    const address = await server.run();
    try {
      const storage = new S3DocumentStorage({
        endpoint: `http://127.0.0.1:${address.port}`,
        region: 'us-east-1',
        bucket: 'adl-documents',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      });
      await roundTrip(storage);
    } finally {
      await server.close();
    }
  });
});
