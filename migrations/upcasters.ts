/**
 * Event upcasters: old event shapes are turned into the current shape on read, so the log is never rewritten.
 * `upcasters[type][v]` turns a version-`v` payload into version `v + 1`; the current version of a type is
 * one past its last upcaster (1 when it has none). The version an event was written with is in its metadata.
 */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;
export type UpcasterRegistry = Readonly<Record<string, readonly Upcaster[]>>;

/** No event type has changed shape yet; add an upcaster here, never edit recorded events. */
export const upcasters: UpcasterRegistry = {};

export const currentSchemaVersion = (registry: UpcasterRegistry, type: string): number => (registry[type]?.length ?? 0) + 1;

/** Applies the upcasters from `version` up to the current version of `type`. */
export function upcast(registry: UpcasterRegistry, type: string, version: number, data: unknown): unknown {
  const chain = registry[type] ?? [];
  let current = data as Record<string, unknown>;
  for (let v = Math.max(version, 1); v <= chain.length; v += 1) current = chain[v - 1]!(current);
  return current;
}
