import type { AtfiDocument } from './atfi';
import type { TeachingCategory } from './codes';
import { parseKodDirectives, type KodDirectives } from './kod-directives';
import type { TceManifest } from './manifest';
import { gmcNumberOf, type GmcNumber } from './person-name';
import { routeSubmission, type RoutingDecision, type RoutingDirectory } from './routing';
import { chooseCategory, chooseTitle, type ChosenTitle } from './title';

export interface CaseDraftInput {
  /** The submission's manifests, oldest first (their KOD and observer come from the first that has one). */
  readonly manifests: readonly TceManifest[];
  readonly atfi: AtfiDocument | null;
  readonly calledAet: string;
  readonly callingAet: string;
  /** ISO time the submission was received; used for "Untitled (date)". */
  readonly receivedAt: string;
}

/** What a completed (or timed-out) submission becomes: the values a CreateCaseFromSubmission command needs. */
export interface CaseDraft {
  readonly title: ChosenTitle;
  readonly category: TeachingCategory | null;
  readonly routing: RoutingDecision;
  readonly directives: KodDirectives;
  /** KOD text other than directives, kept as the submitter's note (tce.md §5 item 12). */
  readonly submitterNote: string | null;
  /** Submitter: the KOS observer (tce.md §5 item 13). */
  readonly submitterName: string | null;
  /** Display author: the ATFI Author, falling back to the KOS observer. */
  readonly authorName: string | null;
  readonly authorGmcNumber: GmcNumber | null;
  readonly warnings: readonly string[];
}

/** Combines a submission's manifests and ATFI into a case draft: title, category, routing, author. Pure. */
export function draftCase(input: CaseDraftInput, directory: RoutingDirectory): CaseDraft {
  const kod = input.manifests.map((m) => m.keyObjectDescription).find((k): k is string => k !== null && k.trim() !== '') ?? null;
  const observer = input.manifests.map((m) => m.observerName).find((n): n is string => n !== null) ?? null;
  const directives = parseKodDirectives(kod);
  const atfiAuthor = input.atfi?.authors[0]?.name ?? null;
  const authorName = atfiAuthor ?? observer;
  const warnings = [
    ...(input.atfi?.warnings ?? []),
    ...input.manifests.flatMap((m) =>
      m.referenceMismatch
        ? [`manifest ${m.sopInstanceUid}: ${m.referenceMismatch.onlyInEvidence.length} references only in the evidence, ${m.referenceMismatch.onlyInContent.length} only in the content tree`]
        : [],
    ),
  ];
  return {
    title: chooseTitle(directives, input.atfi, input.receivedAt),
    category: chooseCategory(directives, input.atfi),
    routing: routeSubmission(
      { directives, keyObjectDescription: kod, calledAet: input.calledAet, callingAet: input.callingAet, observerName: observer, atfiAuthorName: atfiAuthor },
      directory,
    ),
    directives,
    submitterNote: directives.note === '' ? null : directives.note,
    submitterName: observer,
    authorName,
    authorGmcNumber: authorName ? gmcNumberOf(authorName) : null,
    warnings,
  };
}
