/** A record keyed by each of `keys`, in their order: the typed Object.fromEntries over a key list. */
export function recordOf<K extends string, V>(
  keys: readonly K[],
  value: (key: K, index: number) => V
): Record<K, V> {
  const out = {} as Record<K, V>;
  keys.forEach((k, i) => {
    out[k] = value(k, i);
  });
  return out;
}
