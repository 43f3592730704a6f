import { Accounts } from '../accounts/accounts';
import { openStores } from '../app';
import { ConfigError, loadConfig } from '../config';
import { CliError } from './command';

/** Account use cases over the configured data directory, for CLI commands (no server needed). */
export function openAccountsForCli() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 1);
    throw error;
  }
  const stores = openStores(config);
  const accounts = new Accounts({ log: stores.log, readDb: stores.readDb, secret: stores.secret, sessionDays: config.sessionDays });
  return { accounts, stores, config };
}

export const cliContext = (action: string) => ({ actorId: null, source: `cli:${action}`, correlationId: crypto.randomUUID(), causationId: null });
