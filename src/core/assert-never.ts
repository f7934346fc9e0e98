/**
 * The default branch of a switch over a union: it compiles only when every member is handled, and
 * throws if a value from outside the type arrives at run time (a plan file from a newer tool, say).
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
