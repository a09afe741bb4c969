const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether a message holds a key that only ever serves prototype pollution. zod's strict objects
 * treat `constructor` as known (it is on every object's prototype), so such keys are refused
 * here, before any schema, at any depth.
 */
export function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 20) return false;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key) || hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
