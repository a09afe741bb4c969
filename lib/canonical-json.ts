/**
 * JSON with every object's keys in sorted order: equal values always give equal text, whatever
 * order their keys were written in. Backups authenticate their header with it and compare rows with it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
      : field,
  );
}

export const sameContent = (left: unknown, right: unknown) => canonicalJson(left) === canonicalJson(right);
