import type { SopInstanceUid } from '../dicom/uid';
import { assertNever } from '../shared/decider';
import type { SubmissionId, SubmissionState, TceInboxEvent, TceInboxState } from './submission-types';

export const initialTceInboxState = (): TceInboxState => ({ instances: {}, quarantined: {}, manifestSubmission: {}, submissions: {} });

const union = (a: readonly SopInstanceUid[], b: readonly SopInstanceUid[]): SopInstanceUid[] => [...new Set([...a, ...b])].sort();

function updateSubmission(state: TceInboxState, id: SubmissionId, change: (s: SubmissionState) => SubmissionState): TceInboxState {
  const current = state.submissions[id];
  if (!current) return state;
  return { ...state, submissions: { ...state.submissions, [id]: change(current) } };
}

/** Folds one inbox event into the state. Accepts every event; unknown submissions are ignored, never thrown on. */
export function evolveTceInbox(state: TceInboxState, event: TceInboxEvent): TceInboxState {
  switch (event.type) {
    case 'InstanceStaged': {
      const { sopInstanceUid, sha256, kind, studyInstanceUid, submissionId, receivedAt } = event.data;
      const withInstance = { ...state, instances: { ...state.instances, [sopInstanceUid]: { sha256, kind, studyInstanceUid } } };
      return submissionId ? updateSubmission(withInstance, submissionId, (s) => ({ ...s, lastActivityAt: receivedAt })) : withInstance;
    }
    case 'InstanceQuarantined':
      return { ...state, quarantined: { ...state.quarantined, [event.data.sopInstanceUid]: event.data.sha256 } };
    case 'QuarantineReleased':
    case 'QuarantinedInstanceDeleted': {
      const { [event.data.sopInstanceUid]: _gone, ...quarantined } = state.quarantined;
      return { ...state, quarantined };
    }
    case 'InstanceReplaced': {
      const previous = state.instances[event.data.sopInstanceUid];
      if (!previous) return state;
      return { ...state, instances: { ...state.instances, [event.data.sopInstanceUid]: { ...previous, sha256: event.data.sha256 } } };
    }
    case 'DuplicateInstanceIgnored':
    case 'DuplicateManifestIgnored':
      return state;
    case 'ManifestReceived': {
      const d = event.data;
      const existing = state.submissions[d.submissionId];
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
        manifestSubmission: { ...state.manifestSubmission, [d.manifestUid]: d.submissionId },
        submissions: { ...state.submissions, [d.submissionId]: submission },
      };
    }
    case 'SubmissionsMerged': {
      const { submissionId, mergedSubmissionId } = event.data;
      const target = state.submissions[submissionId];
      const merged = state.submissions[mergedSubmissionId];
      if (!target || !merged) return state;
      const { [mergedSubmissionId]: _gone, ...others } = state.submissions;
      const manifestSubmission = { ...state.manifestSubmission };
      for (const uid of merged.manifests) manifestSubmission[uid] = submissionId;
      const hold = target.hold ?? merged.hold;
      return {
        ...state,
        manifestSubmission,
        submissions: {
          ...others,
          [submissionId]: {
            ...target,
            status: hold ? 'held' : 'collecting',
            hold,
            manifests: union(target.manifests, merged.manifests),
            expected: union(target.expected, merged.expected),
            identicalDocuments: union(target.identicalDocuments, merged.identicalDocuments),
            patientId: target.patientId ?? merged.patientId,
          },
        },
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
