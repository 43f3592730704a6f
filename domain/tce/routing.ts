import type { FolderId, UserId } from '../shared/ids';
import type { KodDirectives } from './kod-directives';
import { gmcNumberOf, normalisedFamilyGiven, type GmcNumber } from './person-name';

export interface RoutingUser {
  readonly userId: UserId;
  readonly personalFolderId: FolderId;
}

/** A folder as routing sees it. `allowedSenders` null = anyone with sender rights may file into it. */
export interface RoutingFolder {
  readonly folderId: FolderId;
  readonly allowedSenders: readonly GmcNumber[] | null;
}

/** The lookup tables routing needs, read from projections by the caller. Keys are as stored (see each). */
export interface RoutingDirectory {
  /** Called AE title (upper case, trimmed) → folder. */
  readonly calledAeFolders: Readonly<Record<string, FolderId>>;
  /** dcm4chee-style disposition: the whole KOD, trimmed and lower-cased → folder. */
  readonly dispositions: Readonly<Record<string, FolderId>>;
  /** Calling AE title (upper case) → that site's default inbox. */
  readonly siteInboxes: Readonly<Record<string, FolderId>>;
  readonly usersByGmc: Readonly<Record<string, RoutingUser>>;
  /** `owner=` values: user name or e-mail, lower-cased → user. */
  readonly usersByLogin: Readonly<Record<string, RoutingUser>>;
  /** Normalised `FAMILY^GIVEN` → user, only for names that are unique among users. */
  readonly usersByName: Readonly<Record<string, RoutingUser>>;
  /** `folder=` values: folder id, or folder name lower-cased → folder. */
  readonly foldersByKey: Readonly<Record<string, FolderId>>;
  /** Sender restrictions by folder id; a folder missing here is unrestricted. */
  readonly folders: Readonly<Record<string, RoutingFolder>>;
}

export interface RoutingInput {
  readonly directives: KodDirectives;
  readonly keyObjectDescription: string | null;
  readonly calledAet: string;
  readonly callingAet: string;
  /** KOS Person Observer Name (121008). */
  readonly observerName: string | null;
  /** First ATFI Author (TCE101). */
  readonly atfiAuthorName: string | null;
}

export type RoutingRule =
  | 'kod-folder'
  | 'kod-owner'
  | 'called-ae'
  | 'kod-disposition'
  | 'kos-observer'
  | 'atfi-author'
  | 'calling-ae'
  | 'unclaimed';

export type RoutingTarget = { readonly kind: 'folder'; readonly folderId: FolderId; readonly ownerId: UserId | null } | { readonly kind: 'unclaimed' };

export interface RoutingStep {
  readonly rule: RoutingRule;
  readonly outcome: 'no-input' | 'no-match' | 'sender-not-allowed' | 'matched';
  readonly detail: string;
}

/**
 * Where a submission goes, which rule decided, and every rule tried before it, so the decision can be logged.
 * A folder that restricts its senders by GMC number and does not accept this sender sends the submission to
 * the unclaimed inbox (not on down the rules), so the folder owner's restriction is visible in the reason.
 */
export interface RoutingDecision {
  readonly target: RoutingTarget;
  readonly rule: RoutingRule;
  readonly reason: string;
  readonly senderGmcNumber: GmcNumber | null;
  readonly steps: readonly RoutingStep[];
}

type Candidate = { folderId: FolderId; ownerId: UserId | null; detail: string } | { missing: string } | null;

function userByName(directory: RoutingDirectory, name: string | null): Candidate {
  if (!name) return null;
  const gmc = gmcNumberOf(name);
  const user = (gmc && directory.usersByGmc[gmc]) ?? directory.usersByName[normalisedFamilyGiven(name)];
  if (!user) return { missing: `no user for "${name}"` };
  return { folderId: user.personalFolderId, ownerId: user.userId, detail: gmc && directory.usersByGmc[gmc] ? `GMC number ${gmc}` : `name ${normalisedFamilyGiven(name)}` };
}

function lookup(table: Readonly<Record<string, FolderId>>, key: string | null, what: string): Candidate {
  if (!key) return null;
  const folderId = table[key];
  return folderId ? { folderId, ownerId: null, detail: `${what} "${key}"` } : { missing: `no folder for ${what} "${key}"` };
}

/**
 * Routes a submission to a folder by the precedence of tce.md §6, first match wins: KOD directives
 * (`folder=`, then `owner=`/`mirc:authorization/owner=`), the Called AE table, the KOD as a disposition,
 * the KOS observer, the ATFI author (each by GMC number, then by `FAMILY^GIVEN`), the Calling AE's site inbox,
 * else the Unclaimed inbox. A folder that restricts senders is skipped unless the sender's GMC number (KOS
 * observer, else ATFI author) is on its list. Accounts are never created here.
 */
export function routeSubmission(input: RoutingInput, directory: RoutingDirectory): RoutingDecision {
  const senderGmcNumber = (input.observerName && gmcNumberOf(input.observerName)) || (input.atfiAuthorName && gmcNumberOf(input.atfiAuthorName)) || null;
  const owner = input.directives.owner?.toLowerCase() ?? null;
  const ownerUser = owner ? directory.usersByLogin[owner] ?? directory.usersByGmc[owner.toUpperCase()] : undefined;
  const rules: Array<[RoutingRule, () => Candidate]> = [
    ['kod-folder', () => folderDirective(directory, input.directives.folder)],
    ['kod-owner', () => (owner === null ? null : ownerUser ? { folderId: ownerUser.personalFolderId, ownerId: ownerUser.userId, detail: `owner "${owner}"` } : { missing: `no user "${owner}"` })],
    ['called-ae', () => lookup(directory.calledAeFolders, input.calledAet.trim().toUpperCase() || null, 'called AE')],
    ['kod-disposition', () => lookup(directory.dispositions, input.keyObjectDescription?.trim().toLowerCase() || null, 'disposition')],
    ['kos-observer', () => userByName(directory, input.observerName)],
    ['atfi-author', () => userByName(directory, input.atfiAuthorName)],
    ['calling-ae', () => lookup(directory.siteInboxes, input.callingAet.trim().toUpperCase() || null, 'calling AE')],
  ];
  const steps: RoutingStep[] = [];
  for (const [rule, candidateOf] of rules) {
    const candidate = candidateOf();
    if (candidate === null) {
      steps.push({ rule, outcome: 'no-input', detail: 'nothing to match' });
      continue;
    }
    if ('missing' in candidate) {
      steps.push({ rule, outcome: 'no-match', detail: candidate.missing });
      continue;
    }
    const allowed = directory.folders[candidate.folderId]?.allowedSenders ?? null;
    if (allowed !== null && (senderGmcNumber === null || !allowed.includes(senderGmcNumber))) {
      const who = senderGmcNumber ?? 'a sender without a GMC number';
      const detail = `${candidate.detail}: folder ${candidate.folderId} does not accept ${who}`;
      steps.push({ rule, outcome: 'sender-not-allowed', detail });
      return { target: { kind: 'unclaimed' }, rule: 'unclaimed', reason: `unclaimed: ${detail}`, senderGmcNumber, steps };
    }
    steps.push({ rule, outcome: 'matched', detail: candidate.detail });
    return {
      target: { kind: 'folder', folderId: candidate.folderId, ownerId: candidate.ownerId },
      rule,
      reason: `${rule}: ${candidate.detail}`,
      senderGmcNumber,
      steps,
    };
  }
  steps.push({ rule: 'unclaimed', outcome: 'matched', detail: 'no rule matched' });
  return { target: { kind: 'unclaimed' }, rule: 'unclaimed', reason: 'unclaimed: no rule matched', senderGmcNumber, steps };
}

/** `folder=` names a folder by id or, case-insensitively, by name. */
function folderDirective(directory: RoutingDirectory, folder: string | null): Candidate {
  if (!folder) return null;
  const exact = lookup(directory.foldersByKey, folder, 'folder');
  return exact && 'folderId' in exact ? exact : lookup(directory.foldersByKey, folder.toLowerCase(), 'folder');
}
