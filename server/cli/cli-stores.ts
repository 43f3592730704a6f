import { Accounts } from '../accounts/accounts';
import { openStores } from '../app';
import { ConfigError, loadConfig } from '../config';
import { SendingNodes } from '../nodes/sending-nodes';
import { CliError } from './command';

/** The configured data directory's stores, for CLI commands (no server needed); bad configuration is a CliError. */
export function openStoresForCli() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 1);
    throw error;
  }
  return { stores: openStores(config), config };
}

/** Account use cases over the configured data directory. */
export function openAccountsForCli() {
  const { stores, config } = openStoresForCli();
  const accounts = new Accounts({ log: stores.log, readDb: stores.readDb, secret: stores.secret, sessionDays: config.sessionDays });
  return { accounts, stores, config };
}

/** Sending-node use cases over the configured data directory. */
export function openNodesForCli() {
  const { stores } = openStoresForCli();
  return { stores, nodes: new SendingNodes({ log: stores.log, readDb: stores.readDb }) };
}

export const cliContext = (action: string) => ({ actorId: null, source: `cli:${action}`, correlationId: crypto.randomUUID(), causationId: null });
