/**
 * `compute`, remembered for each key until the current task ends: one look at the page asks the same
 * question of a field or a document many times, and the page may change before the next look.
 */
export function perTask<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  let remembered: WeakMap<K, V> | undefined;
  return (key) => {
    if (!remembered) {
      remembered = new WeakMap();
      setTimeout(() => (remembered = undefined), 0);
    }
    if (!remembered.has(key)) remembered.set(key, compute(key));
    return remembered.get(key)!;
  };
}
