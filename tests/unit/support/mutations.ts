import fc from 'fast-check';

/**
 * Ways to break a message that no schema of the wallet accepts, whatever field they hit: a
 * required field gone, a field of the wrong kind, a key nobody declared, a key that would
 * pollute prototypes, or no object at all. Base messages hold only required fields, so every
 * mutation makes them invalid by construction.
 */
export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'wrongKind'; at: number; value: number }
  | { op: 'badNumber'; at: number; value: number }
  | { op: 'extraKey'; at: number }
  | { op: 'forbiddenKey'; at: number; key: number }
  | { op: 'notAnObject'; value: number };

/** Values of a kind no field takes in the place they are put: objects where text or numbers go, and so on. */
const WRONG_KINDS: unknown[] = [null, true, {}, [], [1, 2], { nested: { deep: 'x' } }];
/** Numbers no amount, count or speed accepts. */
const BAD_NUMBERS: unknown[] = [Number.NaN, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53 + 2, -0.5, '12', null];
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const NOT_OBJECTS: unknown[] = [null, undefined, 0, 'offer', [], [{ type: 'offer' }], true];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('wrongKind' as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('badNumber' as const), at: fc.nat(), value: fc.nat() }),
  fc.record({ op: fc.constant('extraKey' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('forbiddenKey' as const), at: fc.nat(), key: fc.nat() }),
  fc.record({ op: fc.constant('notAnObject' as const), value: fc.nat() }),
);

type Path = (string | number)[];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every place in a message: keys of objects (where a key can be dropped or replaced) and the objects themselves. */
function places(value: unknown, path: Path = []): { leaves: Path[]; numbers: Path[]; objects: Path[] } {
  const found = { leaves: [] as Path[], numbers: [] as Path[], objects: [] as Path[] };
  if (isObject(value)) {
    found.objects.push(path);
    for (const [key, child] of Object.entries(value)) {
      found.leaves.push([...path, key]);
      if (typeof child === 'number') found.numbers.push([...path, key]);
      const inner = places(child, [...path, key]);
      found.leaves.push(...inner.leaves);
      found.numbers.push(...inner.numbers);
      found.objects.push(...inner.objects);
    }
  } else if (Array.isArray(value)) {
    value.forEach((child, index) => {
      const inner = places(child, [...path, index]);
      found.leaves.push(...inner.leaves);
      found.numbers.push(...inner.numbers);
      found.objects.push(...inner.objects);
    });
  }
  return found;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> {
  return path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<
    string | number,
    unknown
  >;
}

/**
 * Applies one mutation to a copy of a message. Where it finds no place to act (no numbers to
 * spoil, no key to drop), it adds an undeclared key instead, so the result is always invalid.
 * One mutation at a time: a second could undo the first (drop the key the first one added).
 */
export function mutate(message: object, change: Mutation): unknown {
  if (change.op === 'notAnObject') return NOT_OBJECTS[change.value % NOT_OBJECTS.length];
  const copy = structuredClone(message) as Record<string, unknown>;
  const { leaves, numbers, objects } = places(copy);
  const pick = <T>(list: T[], at: number) => list[at % list.length]!;
  switch (change.op) {
    case 'drop': {
      if (leaves.length === 0) return mutate(copy, { op: 'extraKey', at: change.at });
      const path = pick(leaves, change.at);
      const parent = parentOf(copy, path);
      delete parent[path.at(-1)!];
      return copy;
    }
    case 'wrongKind': {
      const path = pick(leaves, change.at);
      const current = parentOf(copy, path)[path.at(-1)!];
      // An object where an object belongs may be accepted as that object: put text there instead.
      parentOf(copy, path)[path.at(-1)!] =
        isObject(current) || Array.isArray(current) ? 'not an object' : WRONG_KINDS[change.value % WRONG_KINDS.length];
      return copy;
    }
    case 'badNumber': {
      if (numbers.length === 0) return mutate(copy, { op: 'extraKey', at: change.at });
      const path = pick(numbers, change.at);
      parentOf(copy, path)[path.at(-1)!] = BAD_NUMBERS[change.value % BAD_NUMBERS.length];
      return copy;
    }
    case 'extraKey': {
      const path = pick(objects, change.at);
      const target = path.length === 0 ? copy : (parentOf(copy, [...path, '']) as Record<string, unknown>);
      target.undeclared = 'surprise';
      return copy;
    }
    case 'forbiddenKey': {
      const path = pick(objects, change.at);
      const target = path.length === 0 ? copy : (parentOf(copy, [...path, '']) as Record<string, unknown>);
      // defineProperty makes an own key named __proto__, as JSON.parse and structured clone do for page messages.
      Object.defineProperty(target, FORBIDDEN_KEYS[change.key % FORBIDDEN_KEYS.length]!, {
        value: { polluted: true },
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return copy;
    }
  }
}
