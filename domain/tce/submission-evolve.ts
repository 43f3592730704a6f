import type { SopInstanceUid } from '../dicom/uid';
import { Map as ImmutableMap, OrderedMap } from 'immutable';
import { assertNever } from '../shared/decider';
import type { SubmissionId, SubmissionState, TceInboxEvent, TceInboxState } from './submission-types';

export const initialTceInboxState = (): TceInboxState => ({
  instances: ImmutableMap(),
  quarantined: ImmutableMap(),
  manifestSubmission: ImmutableMap(),
  submissions: OrderedMap(),
  expectedBy: ImmutableMap(),
});

const expecting = (index: TceInboxState['expectedBy'], uids: readonly SopInstanceUid[], id: SubmissionId) =>
  index.withMutations((m) => {
    for (const uid of uids) m.set(uid, id);
  });

const union = (a: readonly SopInstanceUid[], b: readonly SopInstanceUid[]): SopInstanceUid[] => [...new Set([...a, ...b])].sort();

function updateSubmission(state: TceInboxState, id: SubmissionId, change: (s: SubmissionState) => SubmissionState): TceInboxState {
  const current = state.submissions.get(id);
  if (!current) return state;
  return { ...state, submissions: state.submissions.set(id, change(current)) };
}

/** Folds one inbox event into the state. Accepts every event; unknown submissions are ignored, never thrown on. */
export function evolveTceInbox(state: TceInboxState, event: TceInboxEvent): TceInboxState {
  switch (event.type) {
    case 'InstanceStaged': {
      const { sopInstanceUid, sha256, kind, studyInstanceUid, submissionId, receivedAt } = event.data;
      const withInstance = { ...state, instances: state.instances.set(sopInstanceUid, { sha256, kind, studyInstanceUid }) };
      return submissionId ? updateSubmission(withInstance, submissionId, (s) => ({ ...s, lastActivityAt: receivedAt })) : withInstance;
    }
    case 'InstanceQuarantined':
      return { ...state, quarantined: state.quarantined.set(event.data.sopInstanceUid, event.data.sha256) };
    case 'QuarantineReleased':
    case 'QuarantinedInstanceDeleted':
      return { ...state, quarantined: state.quarantined.delete(event.data.sopInstanceUid) };
    case 'InstanceReplaced': {
      const previous = state.instances.get(event.data.sopInstanceUid);
      if (!previous) return state;
      return { ...state, instances: state.instances.set(event.data.sopInstanceUid, { ...previous, sha256: event.data.sha256 }) };
    }
    case 'DuplicateInstanceIgnored':
    case 'DuplicateManifestIgnored':
      return state;
    case 'ManifestReceived': {
      const d = event.data;
      const existing = state.submissions.get(d.submissionId);
      const submission: SubmissionState = existing
        ? {
            ...existing,
            manifests: union(existing.manifests, [d.manifestUid]),
            expected: union(existing.expected, d.expected),
            identicalDocuments: union(existing.identicalDocuments, d.identicalDocuments),
            patientId: existing.patientId ?? d.patientId,
            lastActivityAt: d.receivedAt,
          }
        : {
            id: d.submissionId,
            status: 'collecting',
            manifests: [d.manifestUid],
            expected: [...d.expected],
            identicalDocuments: [...d.identicalDocuments],
            patientId: d.patientId,
            hold: null,
            lastActivityAt: d.receivedAt,
          };
      return {
        ...state,
        manifestSubmission: state.manifestSubmission.set(d.manifestUid, d.submissionId),
        submissions: state.submissions.set(d.submissionId, submission),
        expectedBy: expecting(state.expectedBy, d.expected, d.submissionId),
      };
    }
    case 'SubmissionsMerged': {
      const { submissionId, mergedSubmissionId } = event.data;
      const target = state.submissions.get(submissionId);
      const merged = state.submissions.get(mergedSubmissionId);
      if (!target || !merged) return state;
      const manifestSubmission = state.manifestSubmission.withMutations((m) => {
        for (const uid of merged.manifests) m.set(uid, submissionId);
      });
      const hold = target.hold ?? merged.hold;
      return {
        ...state,
        manifestSubmission,
        expectedBy: expecting(state.expectedBy, merged.expected, submissionId),
        submissions: state.submissions.delete(mergedSubmissionId).set(submissionId, {
            ...target,
            status: hold ? 'held' : 'collecting',
            hold,
            manifests: union(target.manifests, merged.manifests),
            expected: union(target.expected, merged.expected),
            identicalDocuments: union(target.identicalDocuments, merged.identicalDocuments),
            patientId: target.patientId ?? merged.patientId,
        }),
      };
    }
    case 'SubmissionHeld':
      return updateSubmission(state, event.data.submissionId, (s) => ({
        ...s,
        status: 'held',
        hold: { reason: event.data.reason, manifestUid: event.data.manifestUid },
      }));
    case 'SubmissionReleased':
      return updateSubmission(state, event.data.submissionId, (s) => ({ ...s, status: 'collecting', hold: null }));
    case 'SubmissionCompleted':
      return updateSubmission(state, event.data.submissionId, (s) => ({ ...s, status: 'complete' }));
    case 'SubmissionTimedOut':
      return updateSubmission(state, event.data.submissionId, (s) => ({ ...s, status: 'partial' }));
    case 'LateInstanceAttached':
      return state;
    case 'SubmissionReopened':
      return updateSubmission(state, event.data.submissionId, (s) => ({ ...s, status: 'collecting' }));
    default:
      return assertNever(event);
  }
}
