import { DomainError } from '../../domain/shared/errors';
import type { SendingNodes } from '../nodes/sending-nodes';
import { ProjectionRunner } from '../projections/runner';
import { allProjections } from '../../projections';
import { allSendingNodes } from '../../projections/nodes/nodes-queries';
import { CliError, parseCliArgs, requireOption, type CliCommand } from './command';
import { cliContext, openNodesForCli } from './cli-stores';

const help = `Usage:
  lightbox node add --name NAME --aet AE_TITLE --host HOST   register a PACS or Export Manager; prints its STOW-RS token
  lightbox node list                                          the registered nodes
  lightbox node disable --aet AE_TITLE                        refuse its associations and token until enabled again
  lightbox node enable --aet AE_TITLE
  lightbox node remove --aet AE_TITLE                         forget it (its AE title can be registered again)

Only registered nodes may send: an association is accepted when its calling AE title belongs to an enabled node
and it comes from that node's host; STOW-RS requests need the node's token as "Authorization: Bearer <token>".`;

async function byAeTitle(nodes: SendingNodes, values: Record<string, unknown>) {
  const aet = requireOption(values, 'aet');
  const id = await nodes.nodeIdForAeTitle(aet);
  if (!id) throw new CliError(`no registered node has the AE title ${aet}`, 1);
  return id;
}

async function list(stores: ReturnType<typeof openNodesForCli>['stores']): Promise<number> {
  const runner = new ProjectionRunner(stores.log, stores.readDb, allProjections);
  const head = await stores.log.store.headPosition();
  runner.begin();
  await runner.waitFor(head, 60_000);
  await runner.stop();
  const rows = allSendingNodes(stores.readDb);
  if (rows.length === 0) console.log('No nodes are registered. Add one with: lightbox node add --name NAME --aet AE_TITLE --host HOST');
  for (const n of rows) console.log(`${n.aeTitle.padEnd(16)}  ${n.enabled ? 'enabled ' : 'disabled'}  ${n.host.padEnd(24)}  ${n.name}`);
  return 0;
}

export const command: CliCommand = {
  help,
  async run(args) {
    const [action, ...rest] = args;
    const options = { name: { type: 'string' as const }, aet: { type: 'string' as const }, host: { type: 'string' as const } };
    const { values } = parseCliArgs(rest, options);
    if (!action || !['add', 'list', 'disable', 'enable', 'remove'].includes(action)) {
      throw new CliError(action ? `unknown action "${action}"; use add, list, disable, enable or remove` : 'say what to do: add, list, disable, enable or remove');
    }
    const { stores, nodes } = openNodesForCli();
    try {
      switch (action) {
        case 'add': {
          const { token } = await nodes.register({ name: requireOption(values, 'name'), aeTitle: requireOption(values, 'aet'), host: requireOption(values, 'host') }, cliContext('node-add'));
          console.log(`Registered ${values.aet!.trim().toUpperCase()} at ${values.host}.`);
          console.log(`STOW-RS token (shown once, keep it secret): ${token}`);
          return 0;
        }
        case 'list':
          return await list(stores);
        case 'remove':
          await nodes.remove(await byAeTitle(nodes, values), cliContext('node-remove'));
          console.log(`Removed ${values.aet}.`);
          return 0;
        default:
          await nodes.setEnabled(await byAeTitle(nodes, values), action === 'enable', cliContext(`node-${action}`));
          console.log(`${action === 'enable' ? 'Enabled' : 'Disabled'} ${values.aet}.`);
          return 0;
      }
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(`${error.message} (${error.code})`, 1);
      throw error;
    } finally {
      await stores.close();
    }
  },
};
