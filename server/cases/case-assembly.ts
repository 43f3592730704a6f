import type Database from 'better-sqlite3';
import { buildCaseSubmission, placeInstance } from '../../domain/cases/build-case';
import { caseDecider, type CaseCommand } from '../../domain/cases/case';
import { asCaseId, caseStreamId, type CaseStatus } from '../../domain/cases/case-model';
import type { DicomInstanceSummary } from '../../domain/dicom/instance-summary';
import { readAtfi } from '../../domain/tce/atfi';
import { readManifest, type TceManifest } from '../../domain/tce/manifest';
import { draftCase } from '../../domain/tce/case-draft';
import type { TceInboxEvent } from '../../domain/tce/submission-types';
import { caseById } from '../../projections/cases/cases-queries';
import { sendingNodeByAeTitle } from '../../projections/nodes/nodes-queries';
import { calledAeRoutes } from '../../projections/traffic/called-ae-routes-projection';
import { stagedInstances, submissionById } from '../../projections/tce-inbox/tce-inbox-queries';
import { handleCommand } from '../commands/handle-command';
import type { BlobStore, Sha256 } from '../dicom/blob-store';
import { parseDicomInstance } from '../dicom/parse';
import type { EventLog, LoggedEvent } from '../events/event-log';
import type { ProjectionRunner } from '../projections/runner';
import { reactionContext, type Reaction } from '../reactions/reactor';
import { loadRoutingDirectory } from './routing-directory';

interface Deps {
  log: EventLog;
  readDb: Database.Database;
  runner: Pick<ProjectionRunner, 'waitFor'>;
  blobs: BlobStore;
}

const caseExists = (db: Database.Database, id: string) => db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;

/**
 * Turns finished submissions into cases: complete ones, timed-out ones (partial, with their missing list),
 * and held ones (on hold with the delay reason, tce.md §5 item 8). Later instances attach; completion or
 * release completes the case. The case id is the submission id, so a replayed event changes nothing.
 */
export function caseAssemblyReaction(deps: Deps): Reaction {
  const parse = async (sha: string): Promise<DicomInstanceSummary> => parseDicomInstance(await deps.blobs.get(sha as Sha256));

  /** The case a submission makes now, from the read models and the manifest and ATFI blobs. */
  async function assemble(
    event: LoggedEvent,
    submissionId: string,
    status: CaseStatus,
    heldReason: string | null,
    missingHint: readonly string[] | null,
    submittedAt = event.metadata.timestamp,
  ) {
    const submission = submissionById(deps.readDb, submissionId);
    if (!submission) return null;
    const staged = stagedInstances(deps.readDb, [...submission.manifests, ...submission.expected]);
    const manifests = (await Promise.all(staged.filter((s) => s.kind === 'manifest').map(async (s) => readManifest(await parse(s.sha256))))).filter(
      (m): m is TceManifest => m !== null,
    );
    const atfiFacts = staged.find((s) => s.kind === 'atfi');
    const atfi = atfiFacts ? readAtfi(await parse(atfiFacts.sha256)) : null;
    const received = new Set(staged.map((s) => s.sopInstanceUid));
    const missing = missingHint ?? submission.expected.filter((uid) => !received.has(uid));
    const first = staged.find((s) => s.kind === 'manifest') ?? staged[0];
    const channel = first?.channel ?? { transport: 'dimse' as const, callingAet: '', calledAet: '', peerAddress: '', associationId: '' };
    const draft = draftCase(
      { manifests, atfi, calledAet: channel.calledAet, callingAet: channel.callingAet, receivedAt: submittedAt },
      loadRoutingDirectory(deps.readDb, calledAeRoutes(deps.readDb)),
    );
    return buildCaseSubmission({
      submissionId,
      status,
      heldReason,
      missing,
      manifests,
      atfi,
      instances: staged,
      draft,
      sender: {
        transport: channel.transport,
        nodeId: sendingNodeByAeTitle(deps.readDb, channel.callingAet.trim().toUpperCase())?.id ?? null,
        callingAet: channel.callingAet,
        calledAet: channel.calledAet,
        peerAddress: channel.peerAddress,
      },
      submittedAt,
    });
  }

  async function submit(event: LoggedEvent, submissionId: string, status: CaseStatus, heldReason: string | null, missingHint: readonly string[] | null) {
    if (caseExists(deps.readDb, submissionId)) return;
    const submission = await assemble(event, submissionId, status, heldReason, missingHint);
    if (submission) await run(event, { type: 'SubmitCase', submission });
  }

  const run = (event: LoggedEvent, command: CaseCommand) =>
    handleCommand(deps.log, caseDecider, caseStreamId(asCaseId('caseId' in command ? command.caseId : command.submission.caseId)), command, reactionContext('case-assembly', event));

  async function attach(event: LoggedEvent, submissionId: string, uids: readonly string[], stillMissing: readonly string[]) {
    if (!caseExists(deps.readDb, submissionId)) return;
    const instances = stagedInstances(deps.readDb, uids).map(placeInstance);
    await run(event, { type: 'AttachInstances', caseId: asCaseId(submissionId), instances, stillMissing, at: event.metadata.timestamp });
  }

  return {
    name: 'case-assembly',
    async handle(event) {
      const e = event as unknown as TceInboxEvent;
      switch (e.type) {
        case 'SubmissionHeld':
        case 'SubmissionCompleted':
        case 'SubmissionTimedOut':
        case 'LateInstanceAttached':
        case 'InstanceStaged':
          break;
        default:
          return;
      }
      await deps.runner.waitFor(event.position);
      switch (e.type) {
        case 'SubmissionHeld':
          return submit(event, e.data.submissionId, 'held', e.data.reason, null);
        case 'SubmissionTimedOut':
          return submit(event, e.data.submissionId, 'partial', null, e.data.missing);
        case 'SubmissionCompleted': {
          if (!caseExists(deps.readDb, e.data.submissionId)) return submit(event, e.data.submissionId, 'complete', null, []);
          const instances = stagedInstances(deps.readDb, [...e.data.manifests, ...e.data.instances]).map(placeInstance);
          const submittedAt = caseById(deps.readDb, e.data.submissionId)?.submittedAt;
          const content = await assemble(event, e.data.submissionId, 'complete', null, [], submittedAt);
          if (!content) return;
          await run(event, { type: 'CompleteCase', caseId: asCaseId(e.data.submissionId), instances, content, at: event.metadata.timestamp });
          return;
        }
        case 'LateInstanceAttached':
          return attach(event, e.data.submissionId, [e.data.sopInstanceUid], e.data.stillMissing);
        case 'InstanceStaged':
          if (e.data.submissionId) {
            const submission = submissionById(deps.readDb, e.data.submissionId);
            if (submission?.status === 'held') {
              const present = new Set(stagedInstances(deps.readDb, submission.expected).map((s) => s.sopInstanceUid));
              await attach(event, e.data.submissionId, [e.data.sopInstanceUid], submission.expected.filter((u) => !present.has(u)));
            }
          }
          return;
        default:
          return;
      }
    },
  };
}
