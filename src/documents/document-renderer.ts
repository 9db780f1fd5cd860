/**
 * The worker's half: renders one PENDING document — template, Chromium, signature, hash, storage —
 * and marks it READY, exactly once however often the job runs.
 *
 * The row turns READY (and is locked) and the bytes are written under a key fixed by the document's
 * id in one transaction, the file before the commit. A worker killed before the commit leaves the row
 * PENDING (the next attempt renders again and replaces the file whole: storage writes are atomic);
 * one killed after it leaves READY, and the next attempt does nothing. Two attempts that overlap
 * (a stalled job handed to another worker) serialize on the row lock, and the second finds READY.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { createHash } from 'node:crypto';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import type { RequestContext } from '../access/context/request-context';
import { RequestContextFactory } from '../access/context/request-context.factory';
import { Transactions } from '../core/database/transactions';
import { BrowserPool } from './browser-pool';
import { documentMachine, documentStore } from './document-state-machine';
import { run } from '../core/lifecycle/lifecycle';
import { DOCUMENT_STORAGE, DocumentStorage } from './document-storage';
import { DocumentTemplates } from './document-templates';
import { Document } from './document.entity';
import { DocumentState, KIND_TITLE } from './document.enums';
import type { PdfSigner } from './pdf-signer';
import { htmlToPdf, qrSvg } from './pdf-render';

export const DOCUMENT_TEMPLATES = Symbol('DOCUMENT_TEMPLATES');
export const PDF_SIGNER = Symbol('PDF_SIGNER');

export type RenderOutcome = 'ready' | 'skipped';

@Injectable()
export class DocumentRenderer {
  private readonly logger = new Logger(DocumentRenderer.name);

  constructor(
    private readonly tx: Transactions,
    private readonly contexts: RequestContextFactory,
    private readonly pool: BrowserPool,
    @Inject(DOCUMENT_TEMPLATES) private readonly templates: DocumentTemplates,
    @Inject(PDF_SIGNER) private readonly signer: PdfSigner,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
  ) {}

  private system(jobId: string): RequestContext {
    return this.contexts.forActor(`job-${jobId}`, null);
  }

  async render(documentId: string, meta: { jobId: string }): Promise<RenderOutcome> {
    const ctx = this.system(meta.jobId);
    // Counts the attempt and reads the row in one statement; nothing to do unless it is PENDING.
    const [raw] = await ctx.manager.query<Record<string, unknown>[][]>(
      `UPDATE documents SET attempts = attempts + 1 WHERE id = $1 AND state = 'PENDING'
       RETURNING id, number, kind, language, data, verification_code, created_at`,
      [documentId],
    );
    const row = raw?.[0] as
      | {
          id: string;
          number: string;
          kind: Document['kind'];
          language: Document['language'];
          data: Record<string, unknown>;
          verification_code: string;
          created_at: Date;
        }
      | undefined;
    if (!row) return 'skipped';
    const document = { ...row, verificationCode: row.verification_code, createdAt: row.created_at };

    const verifyUrl = `${this.config.publicBaseUrl}/verify/${document.verificationCode}`;
    const stamp = { number: document.number, code: document.verificationCode, verifyUrl, issuedAt: document.createdAt };
    let rendered: { html: string; footer: string };
    try {
      rendered = this.templates.render(document.kind, document.language, document.data, stamp, await qrSvg(verifyUrl));
    } catch (err) {
      // Bad template or bad data: the same on every attempt, so no retry.
      throw new UnrecoverableError(`template ${document.kind}/${document.language}: ${(err as Error).message}`);
    }
    const pdf = await this.pool.withPage((page) => htmlToPdf(page, rendered.html, rendered.footer));
    const signed = await this.signer.sign(pdf, { reason: `${KIND_TITLE[document.kind].en} ${document.number}`, signingTime: new Date() });
    const sha256 = createHash('sha256').update(signed).digest('hex');
    const storageKey = `documents/${document.id}.pdf`;

    return this.tx.run(ctx, async (tx) => {
      // Turns the row READY only if it is still PENDING, under its lock: the file is written under
      // that lock and kept only if this transaction commits with it.
      const pending = await lockPending(tx, documentId);
      if (!pending) return 'skipped';
      await run(tx, documentMachine, documentStore, pending, 'complete', {
        patch: { sha256, sizeBytes: signed.length, storageKey, readyAt: tx.now(), failureReason: null },
        audit: { sha256, sizeBytes: signed.length },
        effects: () => this.storage.put(storageKey, signed),
      });
      return 'ready' as const;
    });
  }

  /** After the last attempt (or an unrecoverable error, or too many stalls): FAILED with the reason. */
  async fail(documentId: string, reason: string, meta: { jobId: string }): Promise<void> {
    const ctx = this.system(meta.jobId);
    await this.tx.run(ctx, async (tx) => {
      const pending = await lockPending(tx, documentId);
      if (!pending) return;
      await run(tx, documentMachine, documentStore, pending, 'fail', {
        patch: { failureReason: reason.slice(0, 2000) },
        audit: { reason: reason.slice(0, 500) },
      });
    });
    this.logger.warn(`document ${documentId} failed: ${reason}`);
  }
}

/** The document locked, with what its lifecycle needs, if it is still PENDING. */
function lockPending(tx: RequestContext, id: string): Promise<Document | null> {
  return tx
    .repo(Document)
    .createQueryBuilder('d')
    .select(['d.id', 'd.state', 'd.version', 'd.failureReason'])
    .setLock('pessimistic_write')
    .where('d.id = :id AND d.state = :pending', { id, pending: DocumentState.PENDING })
    .getOne();
}
