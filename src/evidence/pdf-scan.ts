/**
 * Reads a PDF as it streams past for what a court's file must not carry (docs/evidence.md):
 * encryption (`/Encrypt`: nobody could read it later) and active content (`/JavaScript`, `/JS`,
 * `/Launch`). PDF names may spell letters as `#xx`, so names are decoded before they are compared;
 * a name cut between two chunks is carried to the next. Names inside compressed object streams
 * are not inflated here (docs/evidence.md says so).
 *
 * The bytes are searched for slashes as bytes (`Buffer.indexOf`); only a name's few bytes become
 * text, so the scan costs little beside the hash the upload computes anyway.
 */
import type { RejectionReason } from './file-types';

const RISKY: ReadonlyMap<string, RejectionReason> = new Map([
  ['Encrypt', 'pdf_encrypted'],
  ['JavaScript', 'pdf_active_content'],
  ['JS', 'pdf_active_content'],
  ['Launch', 'pdf_active_content'],
]);

const SLASH = 0x2f;
/** Longer names are no concern of ours; a carried tail never grows past this. */
const LONGEST = 64;

/** Bytes that end a PDF name: white space and the delimiters (PDF 32000-1, 7.2.2). */
const ENDS_NAME = new Uint8Array(256);
for (const byte of Buffer.from('\0\t\n\f\r ()<>[]{}/%', 'latin1')) ENDS_NAME[byte] = 1;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class PdfScanner {
  private carry: Buffer | null = null;
  private found: RejectionReason | null = null;

  /** The reason to refuse the file, once something was found; null while nothing was. */
  get verdict(): RejectionReason | null {
    return this.found;
  }

  feed(chunk: Buffer): RejectionReason | null {
    if (this.found) return this.found;
    const bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    for (let slash = bytes.indexOf(SLASH); slash !== -1;) {
      let end = slash + 1;
      while (end < bytes.length && end - slash <= LONGEST && !ENDS_NAME[bytes[end]]) end++;
      if (end === bytes.length && end - slash <= LONGEST) {
        // The name may go on in the next chunk.
        this.carry = Buffer.from(bytes.subarray(slash));
        break;
      }
      if (end - slash <= LONGEST && this.check(bytes.toString('latin1', slash + 1, end))) return this.found;
      slash = bytes.indexOf(SLASH, end);
    }
    return null;
  }

  end(): RejectionReason | null {
    if (!this.found && this.carry) this.check(this.carry.toString('latin1', 1));
    this.carry = null;
    return this.found;
  }

  private check(raw: string): boolean {
    const reason = RISKY.get(raw.includes('#') ? decodeName(raw) : raw);
    if (reason) this.found = reason;
    return !!reason;
  }
}
