/**
 * The process-local caches (checked tokens, abilities, compiled queries) hold at most a fixed
 * number of entries: when full, the oldest entry goes first.
 */
export function remember<K, V>(map: Map<K, V>, max: number, key: K, value: V): V {
  if (map.size >= max && !map.has(key)) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}
