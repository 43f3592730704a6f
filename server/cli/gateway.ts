import { randomBytes } from 'node:crypto';
import type { DeidOptions } from '../../domain/deid/options';
import { DestinationError, parseDestination, type Destination } from '../../domain/gateway/destination';
import { deidOptionsFromFlags, loadSiteSecret, PROFILE_FLAG_HELP, PROFILE_FLAG_SPEC } from '../deid/profile-flags';
import { startGateway } from '../gateway/gateway';
import { connectRedis } from '../redis/connect-redis';
import { CliError, parseCliArgs, type CliCommand } from './command';

const help = `Usage: lightbox gateway [options]

Runs the Export Manager inside the hospital (IHE TCE). The PACS sends a selection by C-STORE (RAD-50/51/52):
originals are staged verbatim, grouped by their KOS manifest, held while instances are missing or a delay
reason stands, then de-identified and put on hold for preview. After a person releases an export on the
preview page, it is sent to every destination (RAD-53 by C-STORE, or STOW-RS), with retries.

Options (environment variable in brackets):
  --data-dir DIR            where originals, exports and state are kept [DATA_DIR] (default ./data)
  --port N                  preview page HTTP port [GATEWAY_PORT] (default 8090)
  --host ADDR               preview page address [GATEWAY_HOST] (default 127.0.0.1)
  --dicom-port N            Storage SCP port for the PACS [GATEWAY_DICOM_PORT] (default 11113)
  --dicom-host ADDR         Storage SCP address [GATEWAY_DICOM_HOST] (default 0.0.0.0)
  --aet AET                 our AE title, called by the PACS, calling for C-STORE [GATEWAY_AET] (default LIGHTBOX_GW)
  --destination URL         repeatable [GATEWAY_DESTINATIONS, space-separated]:
                              dicom://AET@host:port          C-STORE (dcmtk storescu)
                              dicom://AET:OURAET@host:port   … with another calling AE title
                              https://archive/dicomweb       STOW-RS to <URL>/studies
  --stow-token TOKEN        bearer token for STOW-RS (from "lightbox node add") [GATEWAY_STOW_TOKEN]
  --ui-password PASSWORD    preview page password [GATEWAY_UI_PASSWORD]; without it a random one is
                            generated and printed once at start
  --attempts N              delivery tries per destination before giving up [GATEWAY_ATTEMPTS] (default 6)
  --backoff-ms N            first retry delay, doubled each time [GATEWAY_BACKOFF_MS] (default 10000)
  --jobs N                  de-identification worker threads (default: the number of CPU cores)
De-identification profile (same flags as "lightbox deid"):
${PROFILE_FLAG_HELP}

Jobs use REDIS_URL, else 127.0.0.1:6379, else a redis-server started under the data directory.`;

const optionSpec = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'dicom-port': { type: 'string' },
  'dicom-host': { type: 'string' },
  aet: { type: 'string' },
  destination: { type: 'string', multiple: true },
  'stow-token': { type: 'string' },
  'ui-password': { type: 'string' },
  attempts: { type: 'string' },
  'backoff-ms': { type: 'string' },
  jobs: { type: 'string' },
  ...PROFILE_FLAG_SPEC,
} as const;

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max}`);
  return parsed;
}

function destinationsFrom(flags: readonly string[] | undefined, env: string | undefined): Destination[] {
  const texts = flags && flags.length > 0 ? flags : (env ?? '').split(/\s+/).filter(Boolean);
  if (texts.length === 0) throw new CliError('give at least one --destination (dicom://AET@host:port or https://archive/dicomweb)');
  try {
    return texts.map(parseDestination);
  } catch (error) {
    if (error instanceof DestinationError) throw new CliError(`--destination ${error.message}`);
    throw error;
  }
}

function profileFrom(values: Record<string, unknown>): DeidOptions {
  try {
    return deidOptionsFromFlags(values);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

async function run(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, optionSpec);
  const env = process.env;
  const dataDir = values['data-dir'] ?? env.DATA_DIR ?? './data';
  const destinations = destinationsFrom(values.destination, env.GATEWAY_DESTINATIONS);
  const stowToken = values['stow-token'] ?? env.GATEWAY_STOW_TOKEN ?? null;
  if (destinations.some((d) => d.kind === 'stow') && !stowToken) throw new CliError('--stow-token is required for an https:// destination');
  const aeTitle = values.aet ?? env.GATEWAY_AET ?? 'LIGHTBOX_GW';
  if (!/^[\x20-\x5b\x5d-\x7e]{1,16}$/.test(aeTitle)) throw new CliError('--aet must be 1–16 characters without a backslash');
  let uiPassword = values['ui-password'] ?? env.GATEWAY_UI_PASSWORD ?? '';
  const generated = uiPassword === '';
  if (generated) uiPassword = randomBytes(18).toString('base64url');
  const profile = profileFrom(values);
  let siteSecret: Buffer;
  try {
    siteSecret = await loadSiteSecret(values['secret-file'], dataDir);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const redis = await connectRedis(env.REDIS_URL ?? null, dataDir);
  const gateway = await startGateway({
    dataDir,
    httpHost: values.host ?? env.GATEWAY_HOST ?? '127.0.0.1',
    httpPort: integer('port', values.port ?? env.GATEWAY_PORT, 8090, 0, 65535),
    dicomHost: values['dicom-host'] ?? env.GATEWAY_DICOM_HOST ?? '0.0.0.0',
    dicomPort: integer('dicom-port', values['dicom-port'] ?? env.GATEWAY_DICOM_PORT, 11113, 0, 65535),
    aeTitle,
    profile,
    siteSecret,
    destinations,
    stowToken,
    uiPassword,
    redisUrl: redis.url,
    deliveryAttempts: integer('attempts', values.attempts ?? env.GATEWAY_ATTEMPTS, 6, 1, 100),
    deliveryBackoffMs: integer('backoff-ms', values['backoff-ms'] ?? env.GATEWAY_BACKOFF_MS, 10_000, 0, 86_400_000),
    jobs: values.jobs === undefined ? undefined : integer('jobs', values.jobs, 2, 1, 64),
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  const hostShown = values.host ?? env.GATEWAY_HOST ?? '127.0.0.1';
  process.stderr.write(
    `lightbox gateway: DICOM ${aeTitle} on port ${gateway.dicomPort}; preview http://${hostShown}:${gateway.httpPort}/; ` +
      `destinations: ${destinations.map((d) => d.label).join(', ')}\n`,
  );
  if (generated) process.stderr.write(`lightbox gateway: preview password (generated for this run): ${uiPassword}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await gateway.close();
  await redis.stop();
  return 0;
}

/** `lightbox gateway`: the Export Manager (stage, wait, de-identify, preview, release, export). */
export const command: CliCommand = { help, run };
