import type { DelayReason, ManifestPurpose } from '../tce/codes';

/** A TCE manifest the gateway has staged, reduced to what deciding an export needs. */
export interface StagedManifest {
  readonly sopInstanceUid: string;
  readonly patientId: string | null;
  readonly purpose: ManifestPurpose;
  readonly delayReason: DelayReason | null;
  /** Every instance the manifest references (evidence ∪ content tree), without itself. */
  readonly expected: readonly string[];
  /** The other manifests of the same selection (Identical Documents, 0040,A525). */
  readonly identicalDocuments: readonly string[];
  /** Arrival order; a later manifest can supersede an earlier delayed one. */
  readonly receivedAt: number;
}

/** What to do with one selection (a manifest and the manifests it lists as Identical Documents). */
export type SelectionState =
  | { readonly kind: 'waiting-for-manifests'; readonly missingManifests: readonly string[] }
  | { readonly kind: 'waiting-for-instances'; readonly missing: readonly string[] }
  | { readonly kind: 'delayed'; readonly reason: DelayReason }
  | { readonly kind: 'superseded'; readonly by: string }
  | { readonly kind: 'ready'; readonly instances: readonly string[] };

export interface PlannedSelection {
  /** Stable key of the selection: its lowest manifest SOP Instance UID, known from the first manifest that arrives. */
  readonly key: string;
  readonly manifests: readonly string[];
  readonly state: SelectionState;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Groups manifests that list each other as Identical Documents (tce.md §5 item 9: one selection, never two). */
function selectionsOf(manifests: readonly StagedManifest[]): string[][] {
  const byUid = new Map(manifests.map((m) => [m.sopInstanceUid, m]));
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const manifest of manifests) {
    if (seen.has(manifest.sopInstanceUid)) continue;
    const group = new Set<string>();
    const pending = [manifest.sopInstanceUid];
    for (let uid = pending.pop(); uid !== undefined; uid = pending.pop()) {
      if (group.has(uid)) continue;
      group.add(uid);
      for (const other of byUid.get(uid)?.identicalDocuments ?? []) pending.push(other);
    }
    for (const uid of group) seen.add(uid);
    groups.push(sorted(group));
  }
  return groups;
}

/**
 * A delayed manifest is superseded by a later manifest without a delay reason, for the same patient, whose references
 * include everything the delayed one referenced (tce.md §2.2, MESA 3003): only the final manifest is exported.
 */
export function supersedingManifest(delayed: StagedManifest, manifests: readonly StagedManifest[]): StagedManifest | null {
  const needed = delayed.expected;
  for (const candidate of manifests) {
    if (candidate.sopInstanceUid === delayed.sopInstanceUid || candidate.delayReason !== null) continue;
    if (candidate.receivedAt < delayed.receivedAt || candidate.patientId !== delayed.patientId) continue;
    const covered = new Set(candidate.expected);
    if (needed.every((uid) => covered.has(uid))) return candidate;
  }
  return null;
}

/**
 * Decides, for every staged selection, whether it waits (for manifests or instances), is held for a delay reason,
 * was superseded, or is complete and ready to de-identify. Arrival order does not matter: the plan is recomputed
 * from what is staged whenever something arrives.
 */
export function planSelections(manifests: readonly StagedManifest[], present: ReadonlySet<string>): PlannedSelection[] {
  const byUid = new Map(manifests.map((m) => [m.sopInstanceUid, m]));
  return selectionsOf(manifests).map((uids): PlannedSelection => {
    const key = uids[0]!;
    const staged = uids.map((uid) => byUid.get(uid)).filter((m): m is StagedManifest => m !== undefined);
    for (const manifest of staged) {
      if (manifest.delayReason === null) continue;
      const by = supersedingManifest(manifest, manifests);
      if (by) return { key, manifests: uids, state: { kind: 'superseded', by: by.sopInstanceUid } };
      return { key, manifests: uids, state: { kind: 'delayed', reason: manifest.delayReason } };
    }
    const missingManifests = uids.filter((uid) => !byUid.has(uid));
    if (missingManifests.length > 0) return { key, manifests: uids, state: { kind: 'waiting-for-manifests', missingManifests } };
    const group = new Set(uids);
    const referenced = sorted(staged.flatMap((m) => m.expected).filter((uid) => !group.has(uid)));
    const missing = referenced.filter((uid) => !present.has(uid));
    if (missing.length > 0) return { key, manifests: uids, state: { kind: 'waiting-for-instances', missing } };
    return { key, manifests: uids, state: { kind: 'ready', instances: [...referenced, ...uids] } };
  });
}
