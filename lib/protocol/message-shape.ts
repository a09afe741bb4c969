const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How much of a message is looked at before it is refused as too big or too deep. */
export interface ShapeLimits {
  /** Values counted over the whole message, containers and leaves alike. */
  maxValues: number;
  maxDepth: number;
}

/** A page's messages are small: an offer of 100 items is about 600 values, 5 levels deep. */
export const PAGE_MESSAGE_LIMITS: ShapeLimits = { maxValues: 2_000, maxDepth: 12 };
/** The wallet's own runtime messages carry files and backups as strings, never as large graphs. */
export const RUNTIME_MESSAGE_LIMITS: ShapeLimits = { maxValues: 100_000, maxDepth: 32 };
/** A backup file is JSON, a tree, and may hold every transfer the wallet ever made. */
export const BACKUP_LIMITS: ShapeLimits = { maxValues: Number.POSITIVE_INFINITY, maxDepth: 32 };

/**
 * Why a message must be refused before any schema reads it, or undefined when its shape is sound.
 * Keys that only ever serve prototype pollution are refused at any depth (zod's strict objects
 * treat `constructor` as known, since it is on every object's prototype). The walk visits each
 * value once and stops at the first problem, so a message costs at most `maxValues` steps: an
 * object that refers to itself, or a part shared many times over, cannot make it exponential.
 */
export function messageShapeProblem(message: unknown, limits: ShapeLimits): string | undefined {
  const seen = new Set<object>();
  const stack: { value: unknown; depth: number }[] = [{ value: message, depth: 0 }];
  // Values are counted as they are found, before they are visited, so a huge array is refused whole.
  let values = 1;
  const tooMany = () => `The message holds more than ${limits.maxValues} values`;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > limits.maxDepth) return `The message nests deeper than ${limits.maxDepth} levels`;
    // Structured clone keeps cycles and shared parts; JSON, which every real message is, has neither.
    if (seen.has(value)) return 'The message refers to the same object twice; send plain JSON data';
    seen.add(value);
    if (Array.isArray(value) && values + value.length > limits.maxValues) return tooMany();
    const keys = Object.keys(value);
    values += keys.length;
    if (values > limits.maxValues) return tooMany();
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return 'Keys named __proto__, constructor or prototype are not accepted';
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}
