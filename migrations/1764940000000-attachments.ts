import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded evidence (docs/evidence.md): a file a person uploaded, kept in document storage under
 * `storage_key`, with the type its bytes showed, its size and the SHA-256 the server computed. It
 * is the uploader's alone until a mutation attaches it to a subject (a lawsuit, a power of
 * attorney, a contract) for a purpose, and within it to a context (the memo it supports); from
 * then on the subject's read rule decides who reads it.
 * An upload never attached is removed after a while (removed_at; the bytes are deleted).
 * A filing's attachments (lawsuit_attachments) now name the uploaded file they describe.
 */
export class Attachments1764940000000 implements MigrationInterface {
  name = 'Attachments1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        subject_type text,
        subject_id uuid,
        purpose text,
        context_id uuid,
        attached_at timestamptz,
        removed_at timestamptz,
        CHECK ((subject_type IS NULL) = (attached_at IS NULL) AND (subject_id IS NULL) = (attached_at IS NULL))
      )`);
    // The quota: what a person uploaded lately.
    await q.query(`CREATE INDEX attachments_owner_idx ON attachments (owner_id, created_at)`);
    // A subject's attachments, and a context's (a memo's).
    await q.query(`CREATE INDEX attachments_subject_idx ON attachments (subject_type, subject_id) WHERE subject_id IS NOT NULL`);
    await q.query(`CREATE INDEX attachments_context_idx ON attachments (context_id) WHERE context_id IS NOT NULL`);
    // The clean-up: uploads never attached, oldest first.
    await q.query(`CREATE INDEX attachments_unattached_idx ON attachments (created_at) WHERE attached_at IS NULL AND removed_at IS NULL`);
    await q.query(`ALTER TABLE lawsuit_attachments ADD COLUMN attachment_id uuid REFERENCES attachments(id)`);
    await q.query(
      `CREATE UNIQUE INDEX lawsuit_attachments_attachment_idx ON lawsuit_attachments (attachment_id) WHERE attachment_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lawsuit_attachments DROP COLUMN attachment_id`);
    await q.query(`DROP TABLE attachments`);
  }
}
