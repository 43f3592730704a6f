import path from 'node:path';
import type Database from 'better-sqlite3';
import { folderDecider, folderStreamId, UNCLAIMED_FOLDER_ID, UNCLAIMED_FOLDER_NAME } from '../../domain/folders/folder';
import { tceInboxDecider } from '../../domain/tce/submission-decide';
import { tceInboxStreamName } from '../../domain/tce/submission-types';
import { calledAeRoutes } from '../../projections/traffic/called-ae-routes-projection';
import { HotStreamWriter } from '../commands/hot-stream-writer';
import { handleCommand } from '../commands/handle-command';
import type { Config } from '../config';
import { createFileBlobStore } from '../dicom/blob-store';
import { systemContext, type EventLog } from '../events/event-log';
import type { SendingNodes } from '../nodes/sending-nodes';
import { startDicomReceiver } from './dicom-receiver';
import { InstanceReceiver } from './receive-instance';
import { stowRoute } from './stow-route';

/**
 * The TCE receiver: blob store, staging area, DICOM SCP, STOW-RS route and the timer that turns stale
 * submissions into partial cases. Also makes sure the "Unclaimed submissions" inbox exists.
 */
export async function startIngest(config: Config, deps: { log: EventLog; readDb: Database.Database; nodes: SendingNodes }) {
  const blobs = createFileBlobStore(path.join(config.dataDir, 'blobs'));
  await handleCommand(
    deps.log,
    folderDecider,
    folderStreamId(UNCLAIMED_FOLDER_ID),
    { type: 'CreateFolder', folderId: UNCLAIMED_FOLDER_ID, name: UNCLAIMED_FOLDER_NAME, kind: 'unclaimed', ownerId: null, at: new Date().toISOString() },
    systemContext('startup'),
  );
  const inbox = new HotStreamWriter(deps.log, tceInboxDecider, tceInboxStreamName('main'));
  await inbox.prepare();
  const receiver = new InstanceReceiver(deps.log, blobs, inbox);
  const scp = await startDicomReceiver({
    host: config.host,
    port: config.dicomPort,
    aeTitle: config.dicomAet,
    routedCalledAets: () => new Set(Object.keys(calledAeRoutes(deps.readDb))),
    nodes: deps.nodes,
    receiver,
    log: deps.log,
    ...(config.dicomTls ? { tls: config.dicomTls } : {}),
  });
  const expire = () =>
    inbox
      .execute({ type: 'ExpireSubmissions', data: { now: new Date().toISOString(), completionTimeoutMs: config.tceCompletionTimeoutMs } }, systemContext('timer:tce-expiry'))
      .catch((e: Error) => console.error('expiring TCE submissions failed:', e.message));
  const timer = setInterval(expire, Math.min(60_000, Math.max(1000, config.tceCompletionTimeoutMs / 4)));
  return {
    blobs,
    inbox,
    dicomPort: scp.port,
    stow: stowRoute({ nodes: deps.nodes, receiver, log: deps.log, publicUrl: config.publicUrl, maxBytes: config.stowMaxBytes, ourAet: config.dicomAet }),
    expireNow: expire,
    async close() {
      clearInterval(timer);
      await scp.close();
    },
  };
}
