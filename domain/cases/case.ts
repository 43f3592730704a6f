import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import type { CaseId, CaseInstance, CaseStatus, CaseSubmission } from './case-model';

/** Where late or held instances go: their study and series, so they land in the right place of the case. */
export interface PlacedInstance {
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly modality: string | null;
  readonly seriesNumber: number | null;
  readonly seriesDescription: string | null;
  readonly bodyPart: string | null;
  readonly instance: CaseInstance;
}

export type CaseEvent =
  | { type: 'CaseSubmitted'; data: CaseSubmission }
  | { type: 'CaseInstancesAttached'; data: { caseId: CaseId; instances: readonly PlacedInstance[]; stillMissing: readonly string[]; at: string } }
  | { type: 'CaseCompleted'; data: { caseId: CaseId; released: boolean; at: string } }
  | { type: 'CaseContentRevised'; data: { caseId: CaseId } & CaseContent & { at: string } }
  | { type: 'CaseClaimed'; data: { caseId: CaseId; folderId: string; ownerId: string | null; claimedBy: string; at: string } };

export type CaseCommand =
  | { type: 'SubmitCase'; submission: CaseSubmission }
  | { type: 'AttachInstances'; caseId: CaseId; instances: readonly PlacedInstance[]; stillMissing: readonly string[]; at: string }
  | { type: 'CompleteCase'; caseId: CaseId; instances: readonly PlacedInstance[]; content: CaseContent; at: string }
  | { type: 'ClaimCase'; caseId: CaseId; folderId: string; ownerId: string | null; claimedBy: string; at: string };

/**
 * What a later manifest or ATFI can change in a case: a held case is often created from a first manifest
 * without the teaching content, which arrives with the final one.
 */
export type CaseContent = Pick<CaseSubmission, 'title' | 'titleSource' | 'teaching' | 'author' | 'submitterNote' | 'warnings'>;

export type CaseState =
  | { exists: false }
  | { exists: true; status: CaseStatus; folderId: string | null; instances: ReadonlySet<string>; content: string };

const contentKey = (c: CaseContent) => JSON.stringify([c.title, c.titleSource, c.teaching, c.author?.value ?? null, c.submitterNote, c.warnings]);
const contentOf = (c: CaseContent): CaseContent => ({
  title: c.title,
  titleSource: c.titleSource,
  teaching: c.teaching,
  author: c.author,
  submitterNote: c.submitterNote,
  warnings: c.warnings,
});

/** Instances not yet in the case, so a re-delivered event adds nothing twice. */
const fresh = (state: Extract<CaseState, { exists: true }>, instances: readonly PlacedInstance[]) =>
  instances.filter((p) => !state.instances.has(p.instance.sopInstanceUid));

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  initialState: () => ({ exists: false }),
  decide(command, state) {
    switch (command.type) {
      case 'SubmitCase':
        if (state.exists) return [];
        return [{ type: 'CaseSubmitted', data: command.submission }];
      case 'AttachInstances': {
        if (!state.exists) throw new DomainError('CASE_NOT_FOUND', `no case ${command.caseId}`);
        const added = fresh(state, command.instances);
        if (added.length === 0) return [];
        return [{ type: 'CaseInstancesAttached', data: { caseId: command.caseId, instances: added, stillMissing: command.stillMissing, at: command.at } }];
      }
      case 'CompleteCase': {
        if (!state.exists) throw new DomainError('CASE_NOT_FOUND', `no case ${command.caseId}`);
        const added = fresh(state, command.instances);
        const events: CaseEvent[] = [];
        if (added.length > 0) events.push({ type: 'CaseInstancesAttached', data: { caseId: command.caseId, instances: added, stillMissing: [], at: command.at } });
        if (contentKey(command.content) !== state.content) {
          events.push({ type: 'CaseContentRevised', data: { caseId: command.caseId, ...contentOf(command.content), at: command.at } });
        }
        if (state.status !== 'complete') events.push({ type: 'CaseCompleted', data: { caseId: command.caseId, released: state.status === 'held', at: command.at } });
        return events;
      }
      case 'ClaimCase':
        if (!state.exists) throw new DomainError('CASE_NOT_FOUND', `no case ${command.caseId}`);
        if (state.folderId !== null) throw new DomainError('CASE_ALREADY_FILED', 'this case is already in a folder');
        return [
          {
            type: 'CaseClaimed',
            data: { caseId: command.caseId, folderId: command.folderId, ownerId: command.ownerId, claimedBy: command.claimedBy, at: command.at },
          },
        ];
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CaseSubmitted': {
        const uids = event.data.studies.flatMap((s) => s.series.flatMap((se) => se.instances.map((i) => i.sopInstanceUid)));
        return { exists: true, status: event.data.status, folderId: event.data.folderId, instances: new Set(uids), content: contentKey(event.data) };
      }
      case 'CaseInstancesAttached':
        if (!state.exists) return state;
        return { ...state, instances: new Set([...state.instances, ...event.data.instances.map((p) => p.instance.sopInstanceUid)]) };
      case 'CaseCompleted':
        return state.exists ? { ...state, status: 'complete' } : state;
      case 'CaseContentRevised':
        return state.exists ? { ...state, content: contentKey(event.data) } : state;
      case 'CaseClaimed':
        return state.exists ? { ...state, folderId: event.data.folderId } : state;
      default:
        return assertNever(event);
    }
  },
};
