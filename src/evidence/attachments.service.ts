/**
 * Uploaded evidence (docs/evidence.md): a person uploads a file (upload-intake.ts checks and
 * stores it); a mutation of another wing then attaches it to its subject inside its own
 * transaction (`attach`); from then on the subject's read rule decides who may read it, the same
 * rule the audit trail uses (access/audited-subjects.ts), sealed cases included. An upload no one
 * attached is removed after UPLOAD_UNATTACHED_HOURS (`removeUnattached`, a worker schedule).
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../access/context/request-context';
import { auditedKey, readableAuditedSubjects } from '../access/audited-subjects';
import { ADL_CONFIG, AdlConfig } from '../core/config/config';
import { updatedRows } from '../core/database/plain-rows';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../core/errors/domain-error';
import { DOCUMENT_STORAGE, type DocumentStorage } from '../documents';
import { EVIDENCE } from './evidence-messages';
import { safeFileName } from './file-types';
import { IncomingFile, intake, rejection } from './upload-intake';

/** An uploaded file as its uploader and its readers see it. */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** The record an attachment belongs to: its read rule decides who reads the file. */
export interface AttachmentSubject {
  type: 'Lawsuit' | 'PowerOfAttorney' | 'Contract';
  id: string;
  /** What it is attached as: filing, memo, defence, draft. */
  purpose: string;
  /** The record within the subject that the file supports (a memo), when not the subject itself. */
  contextId?: string;
}

const VIEW = `id, file_name AS "fileName", content_type AS "contentType", size_bytes::int AS "sizeBytes", sha256`;
const SWEEP_BATCH = 200;

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    @Inject(ADL_CONFIG) private readonly config: AdlConfig,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async upload(ctx: RequestContext, file: IncomingFile): Promise<AttachmentView> {
    const ownerId = ctx.actor?.id;
    if (!ownerId) throw new UnauthenticatedError();
    const { dailyQuotaBytes, maxBytes } = this.config.uploads;
    const quotaMb = Math.round(dailyQuotaBytes / 1024 / 1024);
    const since = new Date(ctx.now().getTime() - 24 * 3_600_000);
    const used = await this.uploadedSince(ctx, ownerId, since);
    if (used >= dailyQuotaBytes) {
      file.stream.resume();
      throw rejection('quota_exceeded', quotaMb);
    }
    const id = randomUUID();
    const key = `uploads/${id.slice(0, 2)}/${id}`;
    const stored = await intake(this.storage, key, file, maxBytes);
    try {
      const [row] = await ctx.manager.query<AttachmentView[]>(
        `INSERT INTO attachments (id, owner_id, file_name, content_type, size_bytes, sha256, storage_key, created_at)
         SELECT $1, $2, $3, $4, $5::bigint, $6, $7, $8
          WHERE (SELECT coalesce(sum(size_bytes), 0) FROM attachments WHERE owner_id = $2 AND created_at > $9) + $5::bigint <= $10::bigint
         RETURNING ${VIEW}`,
        [
          id,
          ownerId,
          safeFileName(file.fileName),
          stored.type.mime,
          stored.sizeBytes,
          stored.sha256,
          key,
          ctx.now(),
          since,
          dailyQuotaBytes,
        ],
      );
      // Uploads of one person at once may pass the quota together; the last to be recorded is refused.
      if (!row) throw rejection('quota_exceeded', quotaMb);
      return row;
    } catch (err) {
      await this.storage.remove(key);
      throw err;
    }
  }

  /**
   * Attaches the caller's own, not yet attached uploads to a subject, inside the caller's
   * transaction (one the subject has already, as a corrected filing lists again, stays as it is);
   * `field` names the input list for errors. Another person's upload, one attached elsewhere or
   * removed, and an unknown id are refused alike.
   */
  async attach(tx: RequestContext, ids: readonly string[], subject: AttachmentSubject, field: string): Promise<AttachmentView[]> {
    if (!ids.length) return [];
    const rows = await updatedRows<AttachmentView>(
      tx.manager,
      `UPDATE attachments
          SET subject_type = $3, subject_id = $4, purpose = coalesce(purpose, $5), attached_at = coalesce(attached_at, $6),
              context_id = coalesce(context_id, $7::uuid)
        WHERE id = ANY($1::uuid[]) AND removed_at IS NULL
          AND ((attached_at IS NULL AND owner_id = $2) OR (subject_type = $3 AND subject_id = $4))
        RETURNING ${VIEW}`,
      [ids, tx.actor?.id ?? null, subject.type, subject.id, subject.purpose, tx.now(), subject.contextId ?? null],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.map((id, i) => ({ id, i })).filter(({ id }) => !byId.has(id));
    if (missing.length) {
      throw new BadUserInputError(missing.map(({ i }) => ({ field: `${field}.${i}`, message: EVIDENCE.noSuchUpload() })));
    }
    return ids.map((id) => byId.get(id)!);
  }

  /**
   * The files attached to these contexts (memos), oldest first, each with its context. For a
   * caller who already read the contexts by their own rules (a memo is read with its case).
   */
  async ofContexts(ctx: RequestContext, contextIds: readonly string[]): Promise<(AttachmentView & { contextId: string })[]> {
    if (!contextIds.length) return [];
    return ctx.manager.query(
      `SELECT ${VIEW}, context_id AS "contextId" FROM attachments
        WHERE context_id = ANY($1::uuid[]) AND removed_at IS NULL ORDER BY attached_at, id`,
      [contextIds],
    );
  }

  /**
   * The files attached to these records themselves (not to a record within them), oldest first.
   * For a caller who already read the records by their own rules.
   */
  async ofSubjects(
    ctx: RequestContext,
    type: AttachmentSubject['type'],
    ids: readonly string[],
  ): Promise<(AttachmentView & { subjectId: string })[]> {
    if (!ids.length) return [];
    return ctx.manager.query(
      `SELECT ${VIEW}, subject_id AS "subjectId" FROM attachments
        WHERE subject_type = $1 AND subject_id = ANY($2::uuid[]) AND context_id IS NULL AND removed_at IS NULL
        ORDER BY attached_at, id`,
      [type, ids],
    );
  }

  /** The file, for one who may read it: its uploader until attached, then the subject's readers. */
  async open(ctx: RequestContext, id: string): Promise<{ attachment: AttachmentView; stream: Readable }> {
    const [row] = await ctx.manager.query<
      (AttachmentView & { ownerId: string; subjectType: string | null; subjectId: string | null; key: string })[]
    >(
      `SELECT ${VIEW}, owner_id AS "ownerId", subject_type AS "subjectType", subject_id AS "subjectId", storage_key AS key
         FROM attachments WHERE id = $1 AND removed_at IS NULL`,
      [id],
    );
    const readable =
      row &&
      (row.subjectType && row.subjectId
        ? (await readableAuditedSubjects(ctx, [{ subjectType: row.subjectType, subjectId: row.subjectId }])).has(
            auditedKey(row.subjectType, row.subjectId),
          )
        : row.ownerId === ctx.actor?.id);
    const stream = readable ? await this.storage.open(row.key) : null;
    if (!row || !stream) throw new NotFoundError(EVIDENCE.attachmentNotFound());
    const { ownerId: _o, subjectType: _t, subjectId: _s, key: _k, ...attachment } = row;
    return { attachment, stream };
  }

  /**
   * Removes uploads never attached within UPLOAD_UNATTACHED_HOURS: marked removed first (an attach
   * after that finds nothing to attach), then their bytes deleted.
   */
  async removeUnattached(ctx: RequestContext): Promise<number> {
    const before = new Date(ctx.now().getTime() - this.config.uploads.unattachedMs);
    let removed = 0;
    for (;;) {
      const rows = await updatedRows<{ key: string }>(
        ctx.manager,
        `UPDATE attachments SET removed_at = $2
          WHERE id IN (SELECT id FROM attachments WHERE attached_at IS NULL AND removed_at IS NULL AND created_at < $1
                        ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING storage_key AS key`,
        [before, ctx.now(), SWEEP_BATCH],
      );
      for (const row of rows) await this.storage.remove(row.key);
      removed += rows.length;
      if (rows.length < SWEEP_BATCH) {
        if (removed) this.logger.log(`removed ${removed} uploads never attached`);
        return removed;
      }
    }
  }

  private async uploadedSince(ctx: RequestContext, ownerId: string, since: Date): Promise<number> {
    const [row] = await ctx.manager.query<{ used: string }[]>(
      `SELECT coalesce(sum(size_bytes), 0) AS used FROM attachments WHERE owner_id = $1 AND created_at > $2`,
      [ownerId, since],
    );
    return Number(row.used);
  }
}
