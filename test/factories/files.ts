/** Files of each kind the upload route meets, made in memory: small, valid enough for their magic. */
import { crc32 } from 'node:zlib';

/** A PDF of about `size` bytes; with `extra` (a dictionary's content) placed in one of its objects. */
export function pdf(size = 2048, extra = ''): Buffer {
  const head = `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n`;
  const tail = 'trailer << /Root 1 0 R >>\n%%EOF\n';
  const filler = Math.max(0, size - head.length - tail.length);
  return Buffer.concat([
    Buffer.from(head, 'latin1'),
    Buffer.from(`%${'x'.repeat(Math.max(0, filler - 2))}\n`.slice(0, filler)),
    Buffer.from(tail),
  ]);
}

export function png(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.alloc(64, 1),
  ]);
}

export function jpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), Buffer.alloc(64, 2)]);
}

function zipEntry(name: string, data: string): Buffer {
  const n = Buffer.from(name);
  const d = Buffer.from(data);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(crc32(d), 14);
  h.writeUInt32LE(d.length, 18);
  h.writeUInt32LE(d.length, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, d]);
}

/** A Word document as file-type knows one: a package whose content types name the main document. */
export function docx(): Buffer {
  const types =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  return Buffer.concat([zipEntry('[Content_Types].xml', types), zipEntry('word/document.xml', '<w:document/>')]);
}

/** A plain ZIP archive: not an allowed type. */
export function zip(): Buffer {
  return zipEntry('notes.txt', 'hello');
}

export const MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
