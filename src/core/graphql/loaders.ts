/**
 * Per-request DataLoaders: nested fields (a court's circuits, a circuit's judges, a user's
 * memberships) are fetched in one batched query per level, never one per parent.
 */
import DataLoader from 'dataloader';

export type Loaders = Map<string, DataLoader<string, unknown>>;

export function createLoaders(): Loaders {
  return new Map();
}

/** The request's loader named `name`, created on first use from `batch`. */
export function loader<V>(loaders: Loaders, name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  let found = loaders.get(name) as DataLoader<string, V> | undefined;
  if (!found) {
    found = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
    loaders.set(name, found);
  }
  return found;
}

/** Groups rows by key in the order of `keys`, as DataLoader expects. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}
