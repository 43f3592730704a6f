import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileBlobStore } from '../../server/dicom/blob-store';
import { startStorageScp } from '../../server/dicom/scp';
import type { BenchRow } from './stats';

/**
 * DICOM ingest over C-STORE, one storescu association per run, same corpus for every receiver (perf-baselines.md):
 * Lightbox's SCP writing fsynced blobs, dcmtk storescp writing files (no fsync: the practical ceiling), and a
 * private Orthanc (TcpNoDelay, SyncStorageArea, DICOMweb plugin). Medians of RUNS runs, fresh storage each run.
 * Orthanc's DICOM side is DCMTK, which reads Nagle's setting from TCP_NODELAY in its environment ("TcpNoDelay"
 * in the configuration is the HTTP server's), so every peer process gets TCP_NODELAY=1.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nagleOff = { ...process.env, TCP_NODELAY: '1' };

interface Corpus {
  readonly name: string;
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
}

function pythonWithPydicom(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(candidate, ['-c', 'import pydicom, numpy'], { stdio: 'ignore' });
      return candidate;
    } catch {
      continue;
    }
  }
  throw new Error('no python3 with pydicom and numpy: apt-get install python3-pydicom python3-numpy');
}

function corpusStats(name: string, dir: string): Corpus {
  const files = readdirSync(dir).filter((f) => f.endsWith('.dcm'));
  return { name, dir, files: files.length, bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) };
}

function ensureCorpus(): Corpus[] {
  const out = path.join(tmpdir(), 'lightbox-bench-corpus-500-2000');
  if (!existsSync(path.join(out, 'complete'))) {
    rmSync(out, { recursive: true, force: true });
    const script = path.resolve(repoRoot, '../shared/tools/gen-corpus.py');
    execFileSync(pythonWithPydicom(), [script, '--out', out, '--n-large', '500', '--n-small', '2000'], { stdio: 'inherit' });
    writeFileSync(path.join(out, 'complete'), '');
  }
  return [corpusStats('A (500 × 512² CT)', path.join(out, 'a')), corpusStats('B (2000 × 64² CT)', path.join(out, 'b'))];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Sends a corpus over one association; resolves with the wall-clock seconds storescu took. */
function sendCorpus(corpus: Corpus, port: number, calledAet: string): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile('storescu', ['-aet', 'BENCH', '-aec', calledAet, '+sd', '127.0.0.1', String(port), corpus.dir], { env: nagleOff, maxBuffer: 1 << 26 }, (error, _out, stderr) => {
      if (error) reject(new Error(`storescu failed: ${String(stderr).slice(0, 500)}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e9);
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
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

type Receiver = { readonly name: string; run(corpus: Corpus): Promise<number> };

const lightbox: Receiver = {
  name: 'Lightbox SCP → blob store (fsync)',
  async run(corpus) {
    const root = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-blobs-'));
    const blobs = createFileBlobStore(root);
    const scp = await startStorageScp({ host: '127.0.0.1', port: 0, aeTitle: 'LIGHTBOX', store: async (r) => (await blobs.put(r.bytes), { status: 0 }) });
    try {
      return await sendCorpus(corpus, scp.port, 'LIGHTBOX');
    } finally {
      await scp.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
};

const storescp: Receiver = {
  name: 'dcmtk storescp writing files',
  async run(corpus) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-storescp-'));
    const port = await freePort();
    const child = spawn('storescp', ['-aet', 'STORESCP', '-od', dir, String(port)], { env: nagleOff, stdio: 'ignore' });
    try {
      await waitForPort(port, child);
      return await sendCorpus(corpus, port, 'STORESCP');
    } finally {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function dicomWebPlugin(): string | null {
  const found = ['/usr/share/orthanc/plugins/libOrthancDicomWeb.so', '/usr/lib/orthanc/libOrthancDicomWeb.so.1.7'].find(existsSync);
  return found ?? null;
}

const orthanc: Receiver = {
  name: 'Orthanc (fsync, DICOMweb plugin)',
  async run(corpus) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-bench-orthanc-'));
    const [dicomPort, httpPort] = [await freePort(), await freePort()];
    const plugin = dicomWebPlugin();
    const config = {
      Name: 'lightbox-bench',
      StorageDirectory: path.join(dir, 'storage'),
      IndexDirectory: path.join(dir, 'index'),
      DicomAet: 'ORTHANC',
      DicomPort: dicomPort,
      HttpPort: httpPort,
      RemoteAccessAllowed: false,
      AuthenticationEnabled: false,
      DicomCheckCalledAet: false,
      TcpNoDelay: true,
      SyncStorageArea: true,
      StorageCompression: false,
      Plugins: plugin ? [plugin] : [],
    };
    mkdirSync(config.StorageDirectory);
    writeFileSync(path.join(dir, 'orthanc.json'), JSON.stringify(config));
    const child = spawn('Orthanc', [path.join(dir, 'orthanc.json')], { env: nagleOff, stdio: 'ignore' });
    try {
      await waitForPort(dicomPort, child);
      return await sendCorpus(corpus, dicomPort, 'ORTHANC');
    } finally {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the ingest comparison and returns one row per receiver and corpus, plus Lightbox's ratios. */
export async function benchScp(): Promise<BenchRow[]> {
  const corpora = ensureCorpus();
  const rows: BenchRow[] = [];
  for (const corpus of corpora) {
    await storescp.run(corpus);
    const seconds = new Map<Receiver, number>();
    for (const receiver of [lightbox, storescp, orthanc]) {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await receiver.run(corpus));
      const s = median(runs);
      seconds.set(receiver, s);
      rows.push({
        benchmark: `${corpus.name}: ${receiver.name}`,
        result: `${Math.round(corpus.files / s)} inst/s, ${Math.round(corpus.bytes / 1e6 / s)} MB/s`,
        note: `median of ${RUNS}, ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(0)} MB`,
      });
    }
    const ours = seconds.get(lightbox)!;
    rows.push({
      benchmark: `${corpus.name}: Lightbox ÷ storescp, Lightbox ÷ Orthanc`,
      result: `${(seconds.get(storescp)! / ours).toFixed(2)}×, ${(seconds.get(orthanc)! / ours).toFixed(2)}×`,
      note: 'throughput ratios (>1 = Lightbox faster)',
    });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await benchScp()) console.log(`| ${row.benchmark} | ${row.result} | ${row.note ?? ''} |`);
  process.exit(0);
}
