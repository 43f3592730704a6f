import path from 'node:path';

/** Lightbox's configuration, read from the environment once at start (DESIGN §4). */
export interface Config {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly dicomPort: number;
  readonly dicomAet: string;
  readonly eventStoreUrl: string | null;
  readonly meiliUrl: string | null;
  readonly meiliMasterKey: string | null;
  readonly redisUrl: string | null;
  /** Namespace of Lightbox's Redis keys and channels; app nodes of one installation share it. */
  readonly redisPrefix: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly publicUrl: string;
  readonly oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  readonly sessionDays: number;
  /** How long a TCE submission may wait for missing instances before it becomes a partial case. */
  readonly tceCompletionTimeoutMs: number;
  readonly stowMaxBytes: number;
  readonly dicomTls: { certPath: string; keyPath: string; caPath?: string } | null;
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIGURATION';
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ConfigError(`${name}="${raw}" is not a TCP port (0-65535)`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name}="${raw}" is not a URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return raw;
}

function redisPrefix(raw: string | undefined): string {
  const value = raw ?? 'lightbox';
  if (!/^[\w.-]{1,64}$/.test(value)) throw new ConfigError(`REDIS_PREFIX="${value}" may only hold letters, digits, '_', '.', '-'`);
  return value;
}

/** Reads and validates the environment; an invalid value fails with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const listenPort = port(env, 'PORT', 8080);
  const aet = env.DICOM_AET ?? 'LIGHTBOX';
  if (!/^[\x20-\x7e]{1,16}$/.test(aet) || aet.trim() === '' || aet.includes('\\')) {
    throw new ConfigError(`DICOM_AET="${aet}" must be 1 to 16 printable ASCII characters without backslash`);
  }
  const oidcIssuer = url(env, 'OIDC_ISSUER', ['http:', 'https:']);
  if (oidcIssuer && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
    throw new ConfigError('OIDC_ISSUER is set, so OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set too');
  }
  const sessionDays = Number(env.SESSION_DAYS ?? 14);
  if (!(sessionDays > 0 && sessionDays <= 365)) throw new ConfigError(`SESSION_DAYS="${env.SESSION_DAYS}" must be a number of days from 1 to 365`);
  const timeoutMinutes = Number(env.TCE_TIMEOUT_MINUTES ?? 60);
  if (!(timeoutMinutes > 0)) throw new ConfigError(`TCE_TIMEOUT_MINUTES="${env.TCE_TIMEOUT_MINUTES}" must be a positive number of minutes`);
  const stowMaxMb = Number(env.STOW_MAX_MB ?? 2048);
  if (!(stowMaxMb > 0)) throw new ConfigError(`STOW_MAX_MB="${env.STOW_MAX_MB}" must be a positive number of megabytes`);
  if (Boolean(env.DICOM_TLS_CERT) !== Boolean(env.DICOM_TLS_KEY)) throw new ConfigError('DICOM_TLS_CERT and DICOM_TLS_KEY must be set together');
  return {
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    port: listenPort,
    host: env.HOST ?? '0.0.0.0',
    dicomPort: port(env, 'DICOM_PORT', 11112),
    dicomAet: aet.trim(),
    eventStoreUrl: url(env, 'EVENTSTORE_URL', ['kurrentdb:', 'esdb:', 'kurrentdb+discover:', 'esdb+discover:']),
    meiliUrl: url(env, 'MEILI_URL', ['http:', 'https:']),
    meiliMasterKey: env.MEILI_MASTER_KEY ?? null,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix: redisPrefix(env.REDIS_PREFIX),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM ?? 'Lightbox <lightbox@localhost>',
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${listenPort}`).replace(/\/$/, ''),
    oidc: oidcIssuer ? { issuer: oidcIssuer, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET! } : null,
    sessionDays,
    tceCompletionTimeoutMs: timeoutMinutes * 60_000,
    stowMaxBytes: Math.round(stowMaxMb * 1024 * 1024),
    dicomTls: env.DICOM_TLS_CERT && env.DICOM_TLS_KEY ? { certPath: env.DICOM_TLS_CERT, keyPath: env.DICOM_TLS_KEY, ...(env.DICOM_TLS_CA ? { caPath: env.DICOM_TLS_CA } : {}) } : null,
  };
}
