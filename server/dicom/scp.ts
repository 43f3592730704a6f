import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import type { RunningStorageScp, StorageScpOptions } from './scp-types';
import { StorageAssociation } from './upper-layer/association';

export type {
  AssociationDecision,
  AssociationEvent,
  AssociationPeer,
  AssociationRejection,
  ReceivedInstance,
  RunningStorageScp,
  StorageScpOptions,
  StoreResult,
} from './scp-types';

/**
 * Starts a DICOM Storage SCP (C-ECHO and C-STORE for every storage class) on Lightbox's own upper layer
 * (`upper-layer/`). Received datasets are kept byte-for-byte (re-encoding drops private tags), wrapped in a
 * Part 10 header, hashed while they arrive, and handed to `store`, whose status is the C-STORE answer.
 * Nagle is off on every connection: with it, each response waits for the peer's delayed ACK (~40 ms).
 */
export async function startStorageScp(options: StorageScpOptions): Promise<RunningStorageScp> {
  const slots = { active: 0 };
  const isTls = options.tls !== undefined;
  const sockets = new Set<net.Socket>();
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new StorageAssociation(socket, { options, slots, isTls });
  };
  const server = options.tls
    ? tls.createServer(
        {
          cert: readFileSync(options.tls.certPath),
          key: readFileSync(options.tls.keyPath),
          ...(options.tls.caPath ? { ca: readFileSync(options.tls.caPath), requestCert: true, rejectUnauthorized: true } : {}),
        },
        onSocket,
      )
    : net.createServer(onSocket);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
