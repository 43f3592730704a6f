import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStorageScp, type ReceivedInstance, type RunningStorageScp } from '../../server/dicom/scp';
import { fixture, freshTempDir, storescu } from './dcmtk';

let scp: RunningStorageScp | undefined;

afterEach(async () => {
  await scp?.close();
  scp = undefined;
});

async function selfSignedCertificate(): Promise<{ certPath: string; keyPath: string }> {
  const dir = await freshTempDir('tls');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1'], {
    stdio: 'ignore',
  });
  return { certPath, keyPath };
}

describe('Storage SCP over DICOM TLS', () => {
  it('receives over TLS from a storescu that trusts our certificate, and refuses plain TCP', async () => {
    const tls = await selfSignedCertificate();
    const received: ReceivedInstance[] = [];
    scp = await startStorageScp({
      host: '127.0.0.1',
      port: 0,
      aeTitle: 'LIGHTBOX',
      tls,
      store: async (instance) => {
        received.push(instance);
        return { status: 0 };
      },
    });
    const secure = await storescu(scp.port, [fixture('ct-1')], ['+tla', '+cf', tls.certPath]);
    expect(secure.stderr).toBe('');
    expect(secure.code).toBe(0);
    expect(received).toHaveLength(1);
    const plain = await storescu(scp.port, [fixture('ct-2')], ['-to', '5']);
    expect(plain.code).not.toBe(0);
    expect(received).toHaveLength(1);
  });
});
