import { execFile } from 'node:child_process';
import type { Destination } from '../../domain/gateway/destination';
import type { InstanceOutcome, InstanceSender } from './delivery-outcome';

type DicomDestination = Extract<Destination, { kind: 'dicom' }>;

/**
 * Reads storescu's verbose log into per-file outcomes: a file is sent when its "Sending file" line is followed by a
 * Success or Warning store response (PS3.4 B.2.3: warnings mean stored); anything else keeps the last error seen.
 */
export function outcomesFromStorescuLog(files: readonly string[], log: string): InstanceOutcome[] {
  const results = new Map<string, InstanceOutcome>();
  let current: string | null = null;
  let lastError = '';
  for (const line of log.split('\n')) {
    const sending = /^I: Sending file: (.*)$/.exec(line);
    if (sending) {
      current = sending[1]!.trim();
      continue;
    }
    const response = /^I: Received Store Response \((.*)\)\s*$/.exec(line);
    if (response && current) {
      const status = response[1]!;
      const ok = /^(Success|Warning)/i.test(status);
      results.set(current, { file: current, sent: ok, detail: ok ? status : `store response: ${status}` });
      current = null;
      continue;
    }
    const error = /^[EF]: (.*)$/.exec(line);
    if (error) {
      lastError = error[1]!.trim();
      if (current && !results.has(current)) results.set(current, { file: current, sent: false, detail: lastError });
    }
  }
  return files.map((file) => results.get(file) ?? { file, sent: false, detail: lastError || 'not sent' });
}

/**
 * RAD-53 by C-STORE through dcmtk's storescu, one association per batch. storescu sends the file's dataset as it
 * is on disk, private attributes included (dcmjs-dimse's SCU re-encodes through dcmjs and drops them); `-R`
 * proposes exactly the stored transfer syntax of each file so nothing is transcoded when the receiver accepts it;
 * TCP_NODELAY=1 turns Nagle off (otherwise ~45 ms per instance).
 */
export function createStorescuSender(destination: DicomDestination, ourAet: string, timeoutMs = 120_000): InstanceSender {
  return {
    send(files) {
      const paths = files.map((f) => f.file);
      const args = ['-v', '-R', '--no-halt', '-to', '10', '-ta', '10', '-td', '30', '-aet', destination.callingAet ?? ourAet, '-aec', destination.calledAet, destination.host, String(destination.port), ...paths];
      return new Promise((resolve) => {
        execFile('storescu', args, { env: { ...process.env, TCP_NODELAY: '1' }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          const log = `${String(stdout)}\n${String(stderr)}`;
          const outcomes = outcomesFromStorescuLog(paths, log);
          if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
            resolve(paths.map((file) => ({ file, sent: false, detail: 'storescu is not installed (Debian: apt-get install dcmtk)' })));
            return;
          }
          resolve(outcomes);
        });
      });
    },
  };
}
