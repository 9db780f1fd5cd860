/**
 * Whose eyes the content of an audit event is for: the before/after snapshots of an event show
 * only to a reader who may read its subject by the subject's own read rules (docs/domain.md,
 * "Audit trail"). Each wing says, once per subject type it writes audit events about, which
 * access subject's read rule decides and, when the audited record is not itself that subject (a
 * hearing, a judgment), how its id leads to the record that is. A page of events is decided with
 * one statement per subject type, the rules spliced into the SQL (sql-filter.ts), never per event.
 *
 * A subject type no wing defined is never readable: its content stays redacted (fails closed).
 */
import type { SubjectType } from './ability.types';
import type { RequestContext } from './context/request-context';
import { accessibleCondition } from './sql-filter';
import { subjectOf } from './subjects';

export interface AuditedSubject {
  /** The access subject whose read rule decides who sees the content. */
  readonly readAs: SubjectType;
  /**
   * SQL giving, for the audited ids in the parameter `:ids` (uuid[]), rows of ("id", "owner"):
   * each audited id and the id of the `readAs` record it belongs to. Absent: the audited id is that record's.
   */
  readonly owners?: string;
}

const AUDITED = new Map<string, AuditedSubject>();

/** Called once per audited subject type, when the module of the wing that owns it loads. */
export function defineAuditedSubject(type: string, definition: AuditedSubject): void {
  if (AUDITED.has(type)) throw new Error(`The audited subject ${type} is defined twice`);
  AUDITED.set(type, definition);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of one audited record in the answer of readableAuditedSubjects. */
export const auditedKey = (subjectType: string, subjectId: string): string => `${subjectType}\u0000${subjectId}`;

/**
 * Which of these audited records the caller may read (keys by auditedKey): one statement per
 * subject type among them, filtered by the read rule of the subject that decides.
 */
export async function readableAuditedSubjects(
  ctx: RequestContext,
  records: readonly { subjectType: string; subjectId: string }[],
): Promise<Set<string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of records) {
    if (!AUDITED.has(r.subjectType) || !UUID.test(r.subjectId)) continue;
    byType.set(r.subjectType, (byType.get(r.subjectType) ?? new Set()).add(r.subjectId));
  }
  const readable = new Set<string>();
  // One after the other: inside a transaction they share one connection.
  for (const [type, ids] of byType) {
    const definition = AUDITED.get(type)!;
    const subject = subjectOf(definition.readAs);
    const table = ctx.manager.connection.getMetadata(subject.entity).tableName;
    const access = accessibleCondition(ctx.ability, 'read', definition.readAs, 'x');
    const owners = definition.owners ?? `SELECT o.id, o.id AS owner FROM "${table}" o WHERE o.id = ANY(:ids::uuid[])`;
    const [sql, values] = ctx.manager.connection.driver.escapeQueryWithParameters(
      `SELECT a.id::text AS id FROM (${owners}) a JOIN "${table}" x ON x.id = a.owner WHERE ${access.sql}`,
      { ...access.params, ids: [...ids] },
    );
    const rows = await ctx.manager.query<{ id: string }[]>(sql, values);
    for (const row of rows) readable.add(auditedKey(type, row.id));
  }
  return readable;
}
