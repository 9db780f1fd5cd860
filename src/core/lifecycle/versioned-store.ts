/**
 * The store of a subject kept in a row of its own with an optimistic `version`: the lifecycle
 * engine's `write` for lawsuits, hearings, contracts, powers of attorney and documents alike. The
 * change is written at the version the caller read (someone else's write in between answers
 * STALE on `version`), and the row comes back as written — version and update time from the
 * `UPDATE … RETURNING` — without a second read.
 */
import type { EntityTarget } from 'typeorm';
import type { WorkContext } from '../context/work-context';
import { StaleVersionError } from '../errors/domain-error';
import type { LifecycleStore } from './lifecycle';

export interface Versioned {
  id: string;
  version: number;
  updatedAt: Date;
}

/** Writes `patch` over `subject` at its version and answers the row as written. */
export async function writeAtVersion<T extends Versioned>(
  tx: WorkContext,
  entity: EntityTarget<T>,
  subject: T,
  patch: Partial<T>,
  name: string,
): Promise<T> {
  const repo = tx.repo(entity);
  // A @VersionColumn is raised by TypeORM itself; a plain `version` column is raised here.
  const raise = repo.metadata.versionColumn ? {} : { version: () => 'version + 1' };
  const result = await repo
    .createQueryBuilder()
    .update()
    .set({ ...patch, ...raise })
    .where('id = :id AND version = :version', { id: subject.id, version: subject.version })
    .returning(['version', 'updatedAt'])
    .execute();
  if (result.affected !== 1) throw new StaleVersionError(name);
  const [written] = result.raw as { version: number; updated_at: Date }[];
  return Object.assign(repo.create(), subject, patch, { version: written.version, updatedAt: written.updated_at });
}

/** The engine's store for a versioned row: its state column, its own write, its audit snapshot. */
export function versionedStore<T extends Versioned & { state: S }, S extends string>(
  entity: EntityTarget<T>,
  name: string,
  snapshot: (subject: T) => Record<string, unknown>,
  stateOf: (subject: T, tx: WorkContext) => S = (subject) => subject.state,
): LifecycleStore<T, S> {
  return {
    stateOf,
    idOf: (subject) => subject.id,
    write: (tx, subject, change) => writeAtVersion(tx, entity, subject, change, name),
    snapshot,
  };
}
