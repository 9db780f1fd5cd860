/**
 * The kinds of file a person may upload (docs/evidence.md): the type is what the bytes show
 * (`file-type` reads the magic numbers and, for DOCX, the package's entries), and the type the
 * sender declared and the file name's extension must agree with it.
 */
export interface AllowedType {
  /** The media type served back. */
  mime: string;
  /** What `file-type` calls it. */
  detected: string;
  extensions: readonly string[];
}

export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mime: 'application/pdf', detected: 'pdf', extensions: ['pdf'] },
  { mime: 'image/jpeg', detected: 'jpg', extensions: ['jpg', 'jpeg'] },
  { mime: 'image/png', detected: 'png', extensions: ['png'] },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', detected: 'docx', extensions: ['docx'] },
];

/** Why an upload was refused: the `reason` of UPLOAD_REJECTED. */
export type RejectionReason =
  | 'too_large'
  | 'empty'
  | 'type_not_allowed'
  | 'type_mismatch'
  | 'pdf_encrypted'
  | 'pdf_active_content'
  | 'quota_exceeded'
  | 'no_file'
  | 'interrupted';

/** The head of a file long enough for every allowed type to show itself (a DOCX's first entries). */
export const HEAD_BYTES = 64 * 1024;

type Detect = (head: Uint8Array) => Promise<{ ext: string; mime: string } | undefined>;
let detect: Detect | null = null;

/** file-type is an ES module: loaded once, on first use. */
async function detector(): Promise<Detect> {
  if (!detect) {
    const { fileTypeFromBuffer } = await import('file-type/core');
    detect = (head) => fileTypeFromBuffer(head);
  }
  return detect;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The allowed type the head of a file shows, or why it is refused. */
export async function decideType(
  head: Uint8Array,
  declaredMime: string,
  fileName: string,
): Promise<{ type: AllowedType } | { reason: RejectionReason }> {
  const found = await (await detector())(head);
  const type = found && ALLOWED_TYPES.find((t) => t.detected === found.ext);
  if (!type) return { reason: 'type_not_allowed' };
  const declared = declaredMime.split(';')[0].trim().toLowerCase();
  if (declared !== type.mime || !type.extensions.includes(extensionOf(fileName))) return { reason: 'type_mismatch' };
  return { type };
}

/**
 * A file name safe to store and to send back: the last path segment, without control characters,
 * at most 255 characters (Content-Disposition encodes it again when served).
 */
export function safeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'file').slice(-255);
}
