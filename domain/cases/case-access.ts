import type { FolderKind } from '../folders/folder';
import { canViewFolder, type Viewer } from '../folders/permissions';

export interface CaseAccessFacts {
  /** The folder the case is filed in; for an unclaimed case, the unclaimed inbox. */
  readonly folder: { readonly kind: FolderKind; readonly ownerId: string | null };
  /** The GMC number of the case author, when known (and not erased). */
  readonly authorGmc: string | null;
}

export interface CaseViewer extends Viewer {
  readonly gmcNumber: string | null;
}

const isAuthor = (c: CaseAccessFacts, v: CaseViewer) => c.authorGmc !== null && v.gmcNumber !== null && c.authorGmc === v.gmcNumber;

/** A case is visible to whoever may view its folder; an unclaimed case also to its author (tce.md §6 rule 7). */
export const canViewCase = (c: CaseAccessFacts, v: CaseViewer): boolean => canViewFolder(c.folder, v) || (c.folder.kind === 'unclaimed' && isAuthor(c, v));

/** An unclaimed case can be claimed by an admin or by its author. */
export const canClaimCase = (c: CaseAccessFacts, v: CaseViewer): boolean => c.folder.kind === 'unclaimed' && (v.isAdmin || isAuthor(c, v));
