/**
 * Documents as the API sees them: requesting one (a row and an outbox message in the caller's
 * transaction — never a render in the request), reading rows, streaming the PDF, and verifying.
 *
 * One document per idempotency key (subject, kind, language, subject version): a repeated request
 * or a domain event that fires twice finds the row the first one made (a unique index decides).
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import type { RequestContext } from '../access/context/request-context';
import { InvalidTransitionError, NotFoundError, UnauthenticatedError } from '../core/errors/domain-error';
import { selectionOf, transform } from '../core/database/plain-rows';
import { Transactions } from '../core/database/transactions';
import { documentMachine, documentStore } from './document-state-machine';
import { run } from '../core/lifecycle/lifecycle';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { DocumentSubjects, InstrumentStatus, SubjectSnapshot } from './document-subjects';
import { Document } from './document.entity';
import { DocumentKind, DocumentLanguage, DocumentState, KIND_TITLE } from './document.enums';
import { DOCUMENTS } from './documents-messages';

/** No 0/O, 1/I/L: a code read off paper and typed on a phone. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;

export function verificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function idempotencyKey(kind: DocumentKind, subjectId: string, language: DocumentLanguage, version: number): string {
  return `${kind}:${subjectId}:${language}:v${version}`;
}

export interface Verification {
  genuine: boolean;
  document: Document | null;
  instrument: InstrumentStatus | null;
}

/** A document only says what is true: none for a subject not (or no longer) in the state it attests. */
function refuseUntrue(snapshot: SubjectSnapshot): void {
  const r = snapshot.refusal;
  if (r) throw new InvalidTransitionError(r.machine, r.from, r.event, r.text);
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: Transactions,
    private readonly subjects: DocumentSubjects,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl}/verify/${code}`;
  }

  /** requestDocument: anyone who may read the instrument; NOT_FOUND for a subject they may not see. */
  async request(ctx: RequestContext, input: { kind: DocumentKind; subjectId: string; language: DocumentLanguage }): Promise<Document> {
    return this.tx.run(ctx, async (tx) => {
      const provider = this.subjects.get(input.kind);
      const snapshot = await provider.load(tx, input.subjectId);
      if (!snapshot || !(await provider.canRead(tx, snapshot.instrument.id))) throw new NotFoundError(DOCUMENTS.subjectNotFound());
      refuseUntrue(snapshot);
      return this.ensure(tx, input.kind, input.language, input.subjectId, snapshot);
    });
  }

  /**
   * A domain event's documents, in both languages, inside the event's transaction (the caller
   * has authorized the event itself; the documents follow their instrument's read rules).
   */
  async issue(tx: RequestContext, kind: DocumentKind, subjectId: string, known?: unknown): Promise<Document[]> {
    const snapshot = await this.subjects.get(kind).load(tx, subjectId, known);
    if (!snapshot) throw new Error(`${kind} subject ${subjectId} vanished inside its own transaction`);
    refuseUntrue(snapshot);
    const documents: Document[] = [];
    for (const language of [DocumentLanguage.AR, DocumentLanguage.EN]) {
      documents.push(await this.ensure(tx, kind, language, subjectId, snapshot));
    }
    return documents;
  }

  /** The row of the key, made (PENDING, render queued) if missing; a FAILED one is queued again. */
  private async ensure(
    tx: RequestContext,
    kind: DocumentKind,
    language: DocumentLanguage,
    subjectId: string,
    snapshot: SubjectSnapshot,
  ): Promise<Document> {
    const key = idempotencyKey(kind, subjectId, language, snapshot.version);
    const columns = selectionOf(tx, Document, 'documents');
    const inserted = await tx.manager.query<Record<string, unknown>[]>(
      `INSERT INTO documents (number, kind, language, subject_id, subject_version, instrument_type, instrument_id,
                              idempotency_key, state, verification_code, data, requested_by)
       VALUES ('D-' || to_char(now() AT TIME ZONE 'Asia/Riyadh', 'YYYY') || '-' || lpad(nextval('documents_number_seq')::text, 7, '0'),
               $1, $2, $3, $4, $5, $6, $7, 'PENDING', $8, $9, $10)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${columns.sql}`,
      [
        kind,
        language,
        subjectId,
        snapshot.version,
        snapshot.instrument.type,
        snapshot.instrument.id,
        key,
        verificationCode(),
        JSON.stringify(snapshot.data),
        tx.actor?.id ?? null,
      ],
    );
    if (inserted.length) {
      // The new row as the INSERT returned it (columns under their property names), as an entity.
      const document = Object.assign(new Document(), transform<Partial<Document>>(inserted[0], columns));
      const id = document.id;
      tx.audit({ action: 'document.requested', subjectType: 'Document', subjectId: id, after: { kind, language, subjectId, key } });
      tx.emit({ topic: 'documents.render', payload: { documentId: id }, key: `documents.render:${id}:1` });
      return document;
    }
    // The key exists (this request repeats an earlier one, or two raced): the same row, locked.
    const existing = await tx
      .repo(Document)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.idempotency_key = :key', { key })
      .getOneOrFail();
    if (existing.state !== DocumentState.FAILED) return existing;
    return run(tx, documentMachine, documentStore, existing, 'retry', {
      patch: { failureReason: null, data: snapshot.data },
      effects: async (retried) => {
        tx.emit({
          topic: 'documents.render',
          payload: { documentId: retried.id },
          key: `documents.render:${retried.id}:${retried.version}`,
        });
      },
    });
  }

  /** A document its reader may see (its instrument's read rules), else NOT_FOUND. */
  async get(ctx: RequestContext, id: string): Promise<Document> {
    if (!ctx.actor) throw new UnauthenticatedError();
    const document = await ctx.repo(Document).findOneBy({ id });
    if (!document || !(await this.readable(ctx, document))) throw new NotFoundError(DOCUMENTS.documentNotFound());
    return document;
  }

  /** The documents of an instrument (e.g. every document of a lawsuit), newest first. */
  async list(ctx: RequestContext, instrumentId: string, kind?: DocumentKind): Promise<Document[]> {
    const rows = await ctx.repo(Document).find({
      where: { instrumentId, ...(kind ? { kind } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 200,
    });
    // One instrument, one set of rules: a single check covers every row.
    if (!rows.length || !(await this.readable(ctx, rows[0]))) return [];
    return rows;
  }

  /** The PDF's bytes for GET /documents/:id/pdf. */
  async open(ctx: RequestContext, id: string): Promise<{ document: Document; stream: Readable }> {
    const document = await this.get(ctx, id);
    if (document.state !== DocumentState.READY || !document.storageKey) throw new NotFoundError(DOCUMENTS.fileNotFound());
    const stream = await this.storage.open(document.storageKey);
    if (!stream) throw new NotFoundError(DOCUMENTS.fileNotFound());
    return { document, stream };
  }

  /** Public: genuine when a READY document carries this number and code; the instrument as it stands now. */
  async verify(ctx: RequestContext, number: string | null, code: string): Promise<Verification> {
    const normalized = code.trim().toUpperCase();
    const document = await ctx.repo(Document).findOneBy({
      verificationCode: normalized,
      state: DocumentState.READY,
      ...(number !== null ? { number: number.trim() } : {}),
    });
    if (!document) return { genuine: false, document: null, instrument: null };
    const instrument = this.subjects.has(document.kind) ? await this.subjects.get(document.kind).status(ctx, document) : null;
    return { genuine: true, document, instrument };
  }

  kindTitle(kind: DocumentKind): { ar: string; en: string } {
    return KIND_TITLE[kind];
  }

  private async readable(ctx: RequestContext, document: Document): Promise<boolean> {
    if (!ctx.actor || !this.subjects.has(document.kind)) return false;
    return this.subjects.get(document.kind).canRead(ctx, document.instrumentId);
  }
}
