/**
 * A file sent to `POST /uploads` (docs/evidence.md) with its progress: XMLHttpRequest, since fetch
 * reports none for what it sends. A refusal comes back with the API's reason and its message in the
 * reader's language. The server keeps nothing of a cut-off upload and takes no byte ranges, so
 * trying again sends the whole file again. An ended session is reopened over the page first, as
 * for any other request (lib/session.ts).
 */
import { i18next } from '../i18n/i18n';
import { freshToken } from './api';
import { session } from './session';

export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Refused: the API's reason (`empty`, `type_not_allowed`…) and message; both null when the connection failed. */
export type UploadResult = { ok: true; file: UploadedFile } | { ok: false; reason: string | null; message: string | null };

export async function uploadFile(file: File, onProgress: (sent: number, total: number) => void): Promise<UploadResult> {
  const { status, body } = await send(file, await freshToken(), onProgress);
  if (status === 201) return { ok: true, file: body as UploadedFile };
  if (status === 401 && session.get().status === 'signedIn') {
    session.expired();
    if (await session.whenSignedInAgain()) return uploadFile(file, onProgress);
  }
  const error = (body as { error?: { reason?: string; message?: string } } | null)?.error;
  return { ok: false, reason: error?.reason ?? null, message: error?.message ?? null };
}

function send(
  file: File,
  token: string | null,
  onProgress: (sent: number, total: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/uploads');
    xhr.responseType = 'json';
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept-language', i18next.language);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ status: 0, body: null });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
