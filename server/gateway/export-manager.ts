import { rename, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeidOptions } from '../../domain/deid/options';
import { isPlannerOwned, rejectFrom, releaseFrom, statusForPlan } from '../../domain/gateway/export-lifecycle';
import { planSelections, type PlannedSelection } from '../../domain/gateway/selection-plan';
import { isAtfi, readManifest } from '../../domain/tce/manifest';
import { parseDicomInstance, StoreStatus, storeStatusForError } from '../dicom/parse';
import type { ReceivedInstance } from '../dicom/scp';
import type { DeidWorkerPool } from '../deid/deid-worker-pool';
import type { PseudonymStore } from '../deid/pseudonym-store';
import { deidentifiedHeader } from './deidentified-header';
import type { ExportedInstance, GatewayStore } from './gateway-store';
import { restoreRoutingInDeidentifiedManifest } from './manifest-routing-fix';

export interface ExportManagerDeps {
  readonly gatewayDir: string;
  readonly store: GatewayStore;
  readonly pool: DeidWorkerPool;
  readonly pseudonyms: PseudonymStore | null;
  /** The de-identification profile the pool applies; the manifest's KOD is scrubbed with the same rules. */
  readonly profile: DeidOptions;
  /** Labels of the configured destinations; a released export gets one delivery per instance and destination. */
  readonly destinations: readonly string[];
  readonly enqueueDelivery: (exportId: string, destination: string) => Promise<void>;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

/** Order in which a selection is exported (RAD-53): images first, then the ATFI, the manifests last. */
const KIND_ORDER = { image: 0, atfi: 1, manifest: 2 } as const;

/**
 * The Export Manager: stages what the PACS sends, re-plans the selections after every arrival, de-identifies a
 * complete selection into a preview, and on release hands it to the delivery queue. Planning runs one at a time.
 */
export class ExportManager {
  private chain: Promise<void> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly deps: ExportManagerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The C-STORE handler: keeps the original verbatim, records it, and answers once it is durable. */
  async receive(received: ReceivedInstance): Promise<{ status: number }> {
    let summary;
    try {
      summary = parseDicomInstance(received.bytes);
    } catch (error) {
      return { status: storeStatusForError(error) };
    }
    const dir = path.join(this.deps.gatewayDir, 'originals');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${summary.sopInstanceUid}.dcm`);
    await writeFile(`${file}.part`, received.bytes, { flush: true });
    await rename(`${file}.part`, file);
    const receivedAt = this.now();
    const manifest = readManifest(summary);
    this.deps.store.putInstance({
      sopInstanceUid: summary.sopInstanceUid,
      sopClassUid: summary.sopClassUid,
      studyInstanceUid: summary.studyInstanceUid,
      file,
      kind: manifest ? 'manifest' : isAtfi(summary) ? 'atfi' : 'image',
      callingAet: received.callingAet,
      receivedAt: receivedAt.toISOString(),
    });
    if (manifest) {
      this.deps.store.putManifest({
        sopInstanceUid: manifest.sopInstanceUid,
        patientId: manifest.patientId,
        purpose: manifest.purpose,
        delayReason: manifest.delay?.reason ?? null,
        expected: manifest.expected,
        identicalDocuments: manifest.identicalDocuments,
        receivedAt: receivedAt.getTime(),
        title: manifest.title.meaning,
        note: manifest.keyObjectDescription,
      });
    }
    this.schedule();
    return { status: StoreStatus.success };
  }

  /** Re-plans after the current planning run; resolves when this one is done. */
  schedule(): Promise<void> {
    this.chain = this.chain.then(() => this.plan()).catch((error: unknown) => this.deps.log?.(`planning failed: ${(error as Error).message}`));
    return this.chain;
  }

  private async plan(): Promise<void> {
    const manifests = this.deps.store.manifests();
    const byUid = new Map(manifests.map((m) => [m.sopInstanceUid, m]));
    for (const selection of planSelections(manifests, this.deps.store.presentUids())) {
      const existing = this.deps.store.export(selection.key);
      if (existing && !isPlannerOwned(existing.status)) continue;
      const first = selection.manifests.map((uid) => byUid.get(uid)).find((m) => m !== undefined);
      const state = selection.state;
      this.deps.store.upsertExport(
        {
          id: selection.key,
          manifests: selection.manifests,
          status: statusForPlan(state),
          title: first?.title ?? '',
          purpose: first?.purpose ?? '',
          delayReason: state.kind === 'delayed' ? state.reason : null,
          missing: state.kind === 'waiting-for-instances' ? state.missing : state.kind === 'waiting-for-manifests' ? state.missingManifests : [],
          supersededBy: state.kind === 'superseded' ? state.by : null,
          note: first?.note ?? null,
        },
        this.now(),
      );
      if (state.kind === 'ready') await this.prepare(selection, state.instances);
    }
  }

  private async prepare(selection: PlannedSelection, instances: readonly string[]): Promise<void> {
    const exportId = selection.key;
    const outDir = path.join(this.deps.gatewayDir, 'exports', exportId);
    await mkdir(outDir, { recursive: true });
    const manifestUids = new Set(selection.manifests);
    try {
      const done = await Promise.all(
        instances.map(async (uid) => {
          const staged = this.deps.store.instance(uid);
          if (!staged) throw new Error(`staged instance ${uid} disappeared`);
          const result = await this.deps.pool.deidentifyFile(staged.file, outDir, false);
          if (manifestUids.has(uid)) await restoreRoutingInDeidentifiedManifest(staged.file, result.outputPath, this.deps.profile);
          this.deps.pseudonyms?.record(exportId, result.pseudonymEntries, this.now());
          return { staged, result };
        }),
      );
      const rows: ExportedInstance[] = [];
      const sorted = [...done].sort((a, b) => KIND_ORDER[a.staged.kind] - KIND_ORDER[b.staged.kind] || a.staged.sopInstanceUid.localeCompare(b.staged.sopInstanceUid));
      for (const [order, { staged, result }] of sorted.entries()) {
        rows.push({
          exportId,
          originalUid: staged.sopInstanceUid,
          deidUid: result.sopInstanceUid,
          sopClassUid: staged.sopClassUid,
          file: result.outputPath,
          heldForReview: result.heldForReview ?? null,
          header: await deidentifiedHeader(result.outputPath),
          order,
        });
      }
      this.deps.store.putExportedInstances(rows);
      this.deps.store.setStatus(exportId, 'awaiting-review', this.now());
      this.deps.log?.(`export ${exportId}: ${rows.length} instances de-identified, awaiting review`);
    } catch (error) {
      this.deps.store.setStatus(exportId, 'failed', this.now());
      this.deps.log?.(`export ${exportId}: de-identification failed: ${(error as Error).message}`);
    }
  }

  /** Release after review: plans one delivery per instance and destination and queues one job per destination. */
  async release(exportId: string): Promise<void> {
    const record = this.deps.store.export(exportId);
    if (!record) throw new UnknownExportError(exportId);
    const status = releaseFrom(record.status);
    const at = this.now();
    this.deps.store.setStatus(exportId, status, at);
    this.deps.store.planDeliveries(exportId, this.deps.destinations, at);
    for (const destination of this.deps.destinations) await this.deps.enqueueDelivery(exportId, destination);
  }

  /** Rejection after review (or while waiting or held): nothing of this export will leave. */
  reject(exportId: string, reason: string): void {
    const record = this.deps.store.export(exportId);
    if (!record) throw new UnknownExportError(exportId);
    this.deps.store.setStatus(exportId, rejectFrom(record.status, reason), this.now(), reason.trim());
  }

  /** Waits for planning and de-identification started so far. */
  idle(): Promise<void> {
    return this.chain;
  }
}

/** No export has this id. */
export class UnknownExportError extends Error {
  readonly code = 'GATEWAY_UNKNOWN_EXPORT';
  constructor(exportId: string) {
    super(`no export ${exportId}`);
  }
}
