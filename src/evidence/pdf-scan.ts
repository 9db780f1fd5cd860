/**
 * Reads a PDF as it streams past for what a court's file must not carry (docs/evidence.md):
 * encryption (`/Encrypt`: nobody could read it later) and active content (`/JavaScript`, `/JS`,
 * `/Launch`). PDF names may spell letters as `#xx`, so names are decoded before they are compared;
 * a name cut between two chunks is carried to the next. Names inside compressed object streams
 * are not inflated here (docs/evidence.md says so).
 */
import type { RejectionReason } from './file-types';

const RISKY: ReadonlyMap<string, RejectionReason> = new Map([
  ['Encrypt', 'pdf_encrypted'],
  ['JavaScript', 'pdf_active_content'],
  ['JS', 'pdf_active_content'],
  ['Launch', 'pdf_active_content'],
]);

/** A PDF name: a slash and the regular characters after it (PDF 32000-1, 7.3.5). */
const NAME = /\/([^\s/<>[\](){}%]*)/g;
/** Longer names are no concern of ours; a carried tail never grows past this. */
const LONGEST = 64;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class PdfScanner {
  private carry = '';
  private found: RejectionReason | null = null;

  /** The reason to refuse the file, once something was found; null while nothing was. */
  get verdict(): RejectionReason | null {
    return this.found;
  }

  feed(chunk: Buffer): RejectionReason | null {
    if (this.found) return this.found;
    const text = this.carry + chunk.toString('latin1');
    this.carry = '';
    NAME.lastIndex = 0;
    for (let m = NAME.exec(text); m; m = NAME.exec(text)) {
      if (m.index + m[0].length === text.length) {
        // The name may go on in the next chunk.
        this.carry = text.slice(m.index, m.index + LONGEST);
        break;
      }
      if (this.check(m[1])) return this.found;
    }
    return null;
  }

  end(): RejectionReason | null {
    if (!this.found && this.carry) this.check(this.carry.slice(1));
    this.carry = '';
    return this.found;
  }

  private check(raw: string): boolean {
    if (raw.length > LONGEST) return false;
    const reason = RISKY.get(decodeName(raw));
    if (reason) this.found = reason;
    return !!reason;
  }
}
