import path from 'node:path';
import type { DeidOptions } from '../../domain/deid/options';
import type { Destination } from '../../domain/gateway/destination';
import { startStorageScp } from '../dicom/scp';
import { createDeidWorkerPool } from '../deid/deid-worker-pool';
import { PseudonymStore } from '../deid/pseudonym-store';
import { deriveSiteKeys } from '../deid/site-keys';
import type { InstanceSender } from './delivery-outcome';
import { queueNamespace, startDeliveryQueue } from './delivery-queue';
import { ExportManager } from './export-manager';
import { GatewayStore } from './gateway-store';
import { startPreviewServer } from './preview-server';
import { createStorescuSender } from './storescu-sender';
import { createStowSender } from './stow-sender';

export interface GatewayConfig {
  readonly dataDir: string;
  readonly httpHost: string;
  readonly httpPort: number;
  readonly dicomHost: string;
  readonly dicomPort: number;
  readonly aeTitle: string;
  readonly profile: DeidOptions;
  readonly siteSecret: Uint8Array;
  readonly destinations: readonly Destination[];
  readonly stowToken: string | null;
  readonly uiPassword: string;
  readonly redisUrl: string;
  readonly deliveryAttempts: number;
  readonly deliveryBackoffMs: number;
  /** De-identification worker threads. */
  readonly jobs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningGateway {
  readonly dicomPort: number;
  readonly httpPort: number;
  readonly manager: ExportManager;
  readonly store: GatewayStore;
  close(): Promise<void>;
}

function senderFor(destination: Destination, config: GatewayConfig): InstanceSender {
  return destination.kind === 'dicom' ? createStorescuSender(destination, config.aeTitle) : createStowSender(destination, config.stowToken);
}

/**
 * Starts the Export Manager gateway: the Storage SCP for the PACS (RAD-50/51/52), the planner and de-identifier,
 * the review UI, and the RAD-53 delivery queue. Everything it keeps is under DATA_DIR/gateway.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const gatewayDir = path.join(config.dataDir, 'gateway');
  const store = GatewayStore.open(gatewayDir);
  const pseudonyms = PseudonymStore.open(config.dataDir, deriveSiteKeys(config.siteSecret).store);
  const pool = createDeidWorkerPool(config.siteSecret, config.profile, config.jobs);
  const senders = new Map(config.destinations.map((d) => [d.label, senderFor(d, config)]));
  const closers: Array<() => Promise<void> | void> = [() => pool.close(), () => pseudonyms.close(), () => store.close()];
  try {
    const queue = await startDeliveryQueue({
      redisUrl: config.redisUrl,
      namespace: queueNamespace(path.resolve(config.dataDir)),
      store,
      senders,
      attempts: config.deliveryAttempts,
      backoffMs: config.deliveryBackoffMs,
      log: config.log,
    });
    closers.unshift(() => queue.close());
    const manager = new ExportManager({
      gatewayDir,
      store,
      pool,
      pseudonyms,
      profile: config.profile,
      destinations: [...senders.keys()],
      enqueueDelivery: (exportId, destination) => queue.enqueue(exportId, destination),
      log: config.log,
    });
    const scp = await startStorageScp({ host: config.dicomHost, port: config.dicomPort, aeTitle: config.aeTitle, store: (received) => manager.receive(received) });
    closers.unshift(() => scp.close());
    const http = await startPreviewServer({
      host: config.httpHost,
      port: config.httpPort,
      password: config.uiPassword,
      store,
      manager,
      gatewayDir,
      destinations: [...senders.keys()],
    });
    closers.unshift(() => http.close());
    await manager.schedule();
    return {
      dicomPort: scp.port,
      httpPort: http.port,
      manager,
      store,
      async close() {
        await manager.idle();
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }
}
