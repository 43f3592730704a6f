import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../harness/free-port';

export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

export interface OrthancOptions {
  readonly aet: string;
  /** Peers Orthanc may C-STORE to: name → [AET, host, port]. */
  readonly modalities?: Readonly<Record<string, [string, string, number]>>;
  /** Loads the DICOMweb plugin, so `/dicom-web/studies` accepts STOW-RS. */
  readonly dicomWeb?: boolean;
  /** DICOMweb servers Orthanc can STOW to (`/dicom-web/servers/{name}/stow`), with extra HTTP headers. */
  readonly dicomWebServers?: Readonly<Record<string, { Url: string; HttpHeaders?: Record<string, string> }>>;
}

export interface RunningOrthanc {
  readonly aet: string;
  readonly dicomPort: number;
  readonly url: string;
  get<T = unknown>(resource: string): Promise<T>;
  getBytes(resource: string): Promise<Buffer>;
  post<T = unknown>(resource: string, body: unknown): Promise<T>;
  /** Every instance Orthanc holds, with its tags (simplified) and file. */
  instances(): Promise<Array<{ id: string; tags: Record<string, unknown>; file: Buffer }>>;
  close(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/system`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Orthanc did not start within 15 s');
}

/** A private Orthanc on free ports with a generated configuration, storage in a fresh temp dir. */
export async function startOrthanc(options: OrthancOptions): Promise<RunningOrthanc> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lightbox-orthanc-'));
  const [dicomPort, httpPort] = [await freePort(), await freePort()];
  const config = {
    Name: `lightbox-test-${options.aet}`,
    StorageDirectory: path.join(dir, 'storage'),
    IndexDirectory: path.join(dir, 'index'),
    DicomAet: options.aet,
    DicomPort: dicomPort,
    HttpPort: httpPort,
    HttpBindAddress: '127.0.0.1',
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    DicomCheckCalledAet: false,
    TcpNoDelay: true,
    StorageCompression: false,
    DicomModalities: options.modalities ?? {},
    Plugins: options.dicomWeb ? [DICOMWEB_PLUGIN] : [],
    DicomWeb: { Enable: options.dicomWeb === true, Root: '/dicom-web/', Servers: options.dicomWebServers ?? {} },
  };
  await mkdir(config.StorageDirectory);
  await writeFile(path.join(dir, 'orthanc.json'), JSON.stringify(config));
  const child = spawn('Orthanc', [path.join(dir, 'orthanc.json')], { env: { ...process.env, TCP_NODELAY: '1' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  const request = async (resource: string, init?: RequestInit) => {
    const response = await fetch(`${url}${resource}`, init);
    if (!response.ok) throw new Error(`Orthanc ${init?.method ?? 'GET'} ${resource}: HTTP ${response.status} ${await response.text()}`);
    return response;
  };
  const get = async <T>(resource: string) => (await (await request(resource)).json()) as T;
  const getBytes = async (resource: string) => Buffer.from(await (await request(resource)).arrayBuffer());
  return {
    aet: options.aet,
    dicomPort,
    url,
    get,
    getBytes,
    post: async <T>(resource: string, body: unknown) =>
      (await (await request(resource, { method: 'POST', body: body instanceof Uint8Array ? new Blob([new Uint8Array(body)]) : JSON.stringify(body) })).json()) as T,
    async instances() {
      const ids = await get<string[]>('/instances');
      return Promise.all(ids.map(async (id) => ({ id, tags: await get<Record<string, unknown>>(`/instances/${id}/simplified-tags`), file: await getBytes(`/instances/${id}/file`) })));
    },
    close: stop,
  };
}
