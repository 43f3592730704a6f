import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileBlobStore } from '../../server/dicom/blob-store';
import { parseDicomInstance } from '../../server/dicom/parse';
import { startStorageScp } from '../../server/dicom/scp';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer, type TestServer } from '../harness/server';
import { stowBody } from '../harness/stow';
import { quantile, type BenchRow } from './stats';

/**
 * DICOM ingest, same corpus for every receiver (perf-baselines.md), medians of RUNS runs, fresh storage each run:
 * - C-STORE, one `storescu +sd` association (and the corpus over 4 simultaneous associations): the whole Lightbox (SCP → parse → durable blob → durable inbox
 *   event, the headline), dcmtk storescp writing files (no fsync), and a private Orthanc (TcpNoDelay,
 *   SyncStorageArea). Orthanc's DICOM side is DCMTK, which reads Nagle's setting from TCP_NODELAY in its
 *   environment ("TcpNoDelay" in its configuration is the HTTP server's), so every peer process gets it.
 * - STOW-RS in batches of 100: Lightbox `POST /dicomweb/studies` with a node token vs Orthanc's DICOMweb plugin.
 * - Latency from the last instance of a TCE submission (3 CT + ATFI + KOS) to its case in `folder(id).cases`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 12);
/** Which parts run: `cstore`, `parallel`, `layers`, `stow`, `latency` (comma-separated; default all). */
const PARTS = new Set((process.env.BENCH_INGEST ?? 'cstore,parallel,layers,stow,latency').split(','));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nagleOff = { ...process.env, TCP_NODELAY: '1' };
const ctx = { actorId: null, source: 'bench', correlationId: 'bench', causationId: null };

interface Corpus {
  readonly name: string;
  readonly dir: string;
  readonly files: string[];
  readonly bytes: number;
}

function pythonWithPydicom(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(candidate, ['-c', 'import pydicom, numpy'], { stdio: 'ignore' });
      return candidate;
    } catch {
      continue;
    }
  }
  throw new Error('no python3 with pydicom and numpy: apt-get install python3-pydicom python3-numpy');
}

function corpusOf(name: string, dir: string): Corpus {
  const files = readdirSync(dir).filter((f) => f.endsWith('.dcm')).sort().map((f) => path.join(dir, f));
  return { name, dir, files, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) };
}

function ensureCorpus(): Corpus[] {
  const out = path.join(tmpdir(), 'lightbox-bench-corpus-500-2000');
  if (!existsSync(path.join(out, 'complete'))) {
    rmSync(out, { recursive: true, force: true });
    const script = path.resolve(repoRoot, '../shared/tools/gen-corpus.py');
    execFileSync(pythonWithPydicom(), [script, '--out', out, '--n-large', '500', '--n-small', '2000'], { stdio: 'inherit' });
    writeFileSync(path.join(out, 'complete'), '');
  }
  return [corpusOf('A (500 × 512² CT)', path.join(out, 'a')), corpusOf('B (2000 × 64² CT)', path.join(out, 'b'))];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Sends files (a directory with `+sd`) over one association; resolves with the seconds storescu took. */
function storescu(port: number, calledAet: string, targets: readonly string[], callingAet = 'BENCH'): Promise<number> {
  const started = process.hrtime.bigint();
  const args = ['-aet', callingAet, '-aec', calledAet, ...(targets.length === 1 ? ['+sd'] : []), '127.0.0.1', String(port), ...targets];
  return new Promise((resolve, reject) => {
    execFile('storescu', args, { env: nagleOff, maxBuffer: 1 << 26 }, (error, _out, stderr) => {
      if (error) reject(new Error(`storescu failed: ${String(stderr).slice(0, 500)}`));
      else resolve(seconds(started));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (child.exitCode !== null) throw new Error(`peer exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      socket.once('connect', () => socket.destroy());
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} never opened`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Peer {
  readonly dicomPort: number;
  readonly httpUrl: string;
  readonly token: string | null;
  stop(): Promise<void>;
}

async function startLightbox(): Promise<Peer & { server: TestServer }> {
  const server = await startTestServer();
  const { token } = await server.app.services.nodes.register({ name: 'Bench PACS', aeTitle: 'BENCH', host: '127.0.0.1' }, ctx);
  return { server, dicomPort: server.app.dicomPort, httpUrl: server.url, token, stop: () => server.close() };
}

/** The SCP alone: answering on receipt (the upper layer's ceiling), or after a durable blob put (no event). */
async function startScpOnly(withBlobs: boolean): Promise<Peer> {
  const root = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-blobs-'));
  const blobs = createFileBlobStore(root);
  const scp = await startStorageScp({ host: '127.0.0.1', port: 0, aeTitle: 'LIGHTBOX', store: async (r) => (withBlobs && (await blobs.put(r.bytes, r.sha256)), { status: 0 }) });
  return { dicomPort: scp.port, httpUrl: '', token: null, stop: async () => (await scp.close(), rmSync(root, { recursive: true, force: true })) };
}

async function startStorescp(): Promise<Peer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-storescp-'));
  const port = await freePort();
  const child = spawn('storescp', ['-aet', 'LIGHTBOX', '-od', dir, String(port)], { env: nagleOff, stdio: 'ignore' });
  await waitForPort(port, child);
  return { dicomPort: port, httpUrl: '', token: null, stop: async () => (await stopChild(child), rmSync(dir, { recursive: true, force: true })) };
}

async function startOrthanc(): Promise<Peer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-orthanc-'));
  const [dicomPort, httpPort] = [await freePort(), await freePort()];
  const plugin = ['/usr/share/orthanc/plugins/libOrthancDicomWeb.so', '/usr/lib/orthanc/libOrthancDicomWeb.so.1.7'].find(existsSync);
  const config = {
    Name: 'lightbox-bench',
    StorageDirectory: path.join(dir, 'storage'),
    IndexDirectory: path.join(dir, 'index'),
    DicomAet: 'LIGHTBOX',
    DicomPort: dicomPort,
    HttpPort: httpPort,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    DicomCheckCalledAet: false,
    TcpNoDelay: true,
    SyncStorageArea: true,
    StorageCompression: false,
    Plugins: plugin ? [plugin] : [],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
  };
  mkdirSync(config.StorageDirectory);
  writeFileSync(path.join(dir, 'orthanc.json'), JSON.stringify(config));
  const child = spawn('Orthanc', [path.join(dir, 'orthanc.json')], { env: nagleOff, stdio: 'ignore' });
  await waitForPort(dicomPort, child);
  await waitForPort(httpPort, child);
  return { dicomPort, httpUrl: `http://127.0.0.1:${httpPort}`, token: null, stop: async () => (await stopChild(child), rmSync(dir, { recursive: true, force: true })) };
}

/** POSTs the corpus in multipart batches of 100, one request at a time; resolves with the seconds taken. */
async function stowCorpus(corpus: Corpus, url: string, token: string | null): Promise<number> {
  const batches: { body: Buffer; contentType: string }[] = [];
  for (let i = 0; i < corpus.files.length; i += 100) batches.push(stowBody(corpus.files.slice(i, i + 100)));
  const started = process.hrtime.bigint();
  for (const { body, contentType } of batches) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, accept: 'application/dicom+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: new Uint8Array(body),
    });
    await response.arrayBuffer();
    if (response.status >= 300) throw new Error(`STOW-RS to ${url} answered ${response.status}`);
  }
  return seconds(started);
}

type Measure = { readonly name: string; readonly start: () => Promise<Peer>; run(peer: Peer, corpus: Corpus): Promise<number> };

const cStore = (name: string, start: () => Promise<Peer>): Measure => ({ name, start, run: (peer, corpus) => storescu(peer.dicomPort, 'LIGHTBOX', [corpus.dir]) });
/** The corpus split over `n` simultaneous associations, as a PACS with several sending threads does it. */
const cStoreParallel = (name: string, start: () => Promise<Peer>, n: number): Measure => ({
  name,
  start,
  run: async (peer, corpus) => {
    const started = process.hrtime.bigint();
    const groups = Array.from({ length: n }, (_, g) => corpus.files.filter((_f, i) => i % n === g));
    await Promise.all(groups.map((files) => storescu(peer.dicomPort, 'LIGHTBOX', files)));
    return seconds(started);
  },
});
const stow = (name: string, start: () => Promise<Peer>, route: string): Measure => ({ name, start, run: (peer, corpus) => stowCorpus(corpus, `${peer.httpUrl}${route}`, peer.token) });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median seconds of RUNS runs, each against a freshly started peer (empty storage, so nothing is deduplicated). */
async function measure(m: Measure, corpus: Corpus): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const peer = await m.start();
    try {
      runs.push(await m.run(peer, corpus));
    } finally {
      await peer.stop();
    }
  }
  return median(runs);
}

/** Copies of the TCE fixture submission with fresh UIDs of the same length, so the bytes keep their structure. */
function submissionCopies(count: number): string[][] {
  const fixtures = ['ct-1', 'ct-2', 'ct-3', 'atfi-nested', 'kos-final'].map((n) => path.join(repoRoot, 'test/fixtures/tce', `${n}.dcm`));
  const originals = fixtures.map((f) => readFileSync(f));
  const uids = new Set(originals.flatMap((b) => Object.values(parseDicomInstance(b)).filter((v): v is string => typeof v === 'string' && /^1\.2\.826\.0\.1\.3680043\.8\.498\.\d{8,}$/.test(v))));
  const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-tce-'));
  return Array.from({ length: count }, (_, copy) =>
    originals.map((original, i) => {
      const bytes = Buffer.from(original);
      for (const uid of uids) {
        const replacement = Buffer.from(`${uid.slice(0, -5)}9${String(copy).padStart(4, '0')}`, 'latin1');
        for (let at = bytes.indexOf(uid, 0, 'latin1'); at >= 0; at = bytes.indexOf(uid, at + 1, 'latin1')) replacement.copy(bytes, at);
      }
      const file = path.join(dir, `${copy}-${i}.dcm`);
      writeFileSync(file, bytes);
      return file;
    }),
  );
}

const CASE_COUNT = 'query($id: ID!) { folder(id: $id) { cases(first: 1) { totalCount } } }';

/** Seconds from storescu's release after the KOS (the submission's last object) to the case in `folder(id).cases`. */
async function caseLatency(): Promise<number[]> {
  const lightbox = await startLightbox();
  try {
    await lightbox.server.addUser({ email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' });
    const token = await signIn(lightbox.httpUrl, 'jane@example.org', 'correct-horse-j');
    const folderId = (await graphql(lightbox.httpUrl, '{ me { personalFolder { id } } }', {}, token)).data?.me.personalFolder.id as string;
    const count = async () => ((await graphql(lightbox.httpUrl, CASE_COUNT, { id: folderId }, token)).data?.folder.cases.totalCount as number) ?? -1;
    const latencies: number[] = [];
    for (const [i, files] of submissionCopies(SUBMISSIONS).entries()) {
      await storescu(lightbox.dicomPort, 'LIGHTBOX', files);
      const sent = process.hrtime.bigint();
      while ((await count()) < i + 1) {
        if (seconds(sent) > 30) throw new Error(`submission ${i} never became a case`);
        await new Promise((r) => setTimeout(r, 2));
      }
      latencies.push(seconds(sent));
    }
    return latencies;
  } finally {
    await lightbox.stop();
  }
}

const rate = (corpus: Corpus, s: number) => `${Math.round(corpus.files.length / s)} inst/s, ${Math.round(corpus.bytes / 1e6 / s)} MB/s`;
const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(2)}×`;

/** Runs the ingest comparison: one row per receiver and corpus, Lightbox's throughput ratios, and case latency. */
export async function benchScp(): Promise<BenchRow[]> {
  const corpora = ensureCorpus();
  const lightbox = cStore('Lightbox C-STORE (whole app: blob + event durable)', startLightbox);
  const storescp = cStore('dcmtk storescp writing files (no fsync)', startStorescp);
  const orthanc = cStore('Orthanc C-STORE (SyncStorageArea)', startOrthanc);
  const receiveOnly = cStore('Lightbox SCP only, Success on receipt', () => startScpOnly(false));
  const scpBlobs = cStore('Lightbox SCP → durable blob (no event)', () => startScpOnly(true));
  const lightbox4 = cStoreParallel('Lightbox C-STORE, 4 associations', startLightbox, 4);
  const orthanc4 = cStoreParallel('Orthanc C-STORE, 4 associations', startOrthanc, 4);
  const lightboxStow = stow('Lightbox STOW-RS, batches of 100', startLightbox, '/dicomweb/studies');
  const orthancStow = stow('Orthanc STOW-RS, batches of 100', startOrthanc, '/dicom-web/studies');
  const rows: BenchRow[] = [];
  const measures = [...(PARTS.has('cstore') ? [lightbox, storescp, orthanc] : []), ...(PARTS.has('parallel') ? [lightbox4, orthanc4] : []), ...(PARTS.has('layers') ? [receiveOnly, scpBlobs] : []), ...(PARTS.has('stow') ? [lightboxStow, orthancStow] : [])];
  for (const corpus of measures.length > 0 ? corpora : []) {
    await measure(storescp, corpus);
    const s = new Map<Measure, number>();
    for (const m of measures) {
      s.set(m, await measure(m, corpus));
      rows.push({ benchmark: `${corpus.name}: ${m.name}`, result: rate(corpus, s.get(m)!), note: `median of ${RUNS}, ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(0)} MB` });
    }
    if (s.has(lightbox)) rows.push({
      benchmark: `${corpus.name}: Lightbox C-STORE ÷ storescp, ÷ Orthanc`,
      result: `${ratio(s.get(storescp)!, s.get(lightbox)!)}, ${ratio(s.get(orthanc)!, s.get(lightbox)!)}`,
      note: 'throughput ratios (>1 = Lightbox faster)',
    });
    if (s.has(lightbox4)) rows.push({ benchmark: `${corpus.name}: Lightbox ÷ Orthanc, 4 associations`, result: ratio(s.get(orthanc4)!, s.get(lightbox4)!), note: 'throughput ratio' });
    if (s.has(lightboxStow)) rows.push({ benchmark: `${corpus.name}: Lightbox STOW-RS ÷ Orthanc STOW-RS`, result: ratio(s.get(orthancStow)!, s.get(lightboxStow)!), note: 'throughput ratio' });
  }
  if (!PARTS.has('latency')) return rows;
  const latencies = (await caseLatency()).map((x) => x * 1000);
  rows.push({
    benchmark: 'last instance → case in folder(id).cases (GraphQL)',
    result: `p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms`,
    note: `${latencies.length} submissions of 3 CT + ATFI + KOS, polled every 2 ms`,
  });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await benchScp()) console.log(`| ${row.benchmark} | ${row.result} | ${row.note ?? ''} |`);
  process.exit(0);
}
