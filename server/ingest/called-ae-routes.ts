import { calledAeRouteDecider, calledAeRouteStreamId } from '../../domain/ingest/called-ae-route';
import { DomainError } from '../../domain/shared/errors';
import { folderById } from '../../projections/folders/folders-queries';
import type { AppServices } from '../app-services';
import { handleCommand } from '../commands/handle-command';
import type { CommandContext } from '../events/event-log';

/** Routes a called AE title to a folder that exists and can hold cases, or removes the route (folderId null). */
export async function setCalledAeRoute(services: AppServices, aeTitle: string, folderId: string | null, context: CommandContext): Promise<void> {
  const at = new Date().toISOString();
  if (folderId !== null) {
    const folder = folderById(services.readDb, folderId);
    if (!folder) throw new DomainError('FOLDER_NOT_FOUND', `no folder ${folderId}`);
    if (folder.kind === 'unclaimed') throw new DomainError('INVALID_ROUTE', 'route to a teaching folder, not to Unclaimed submissions');
  }
  const command = folderId ? { type: 'SetCalledAeRoute' as const, aeTitle, folderId, at } : { type: 'RemoveCalledAeRoute' as const, aeTitle, at };
  const { position } = await handleCommand(services.log, calledAeRouteDecider, calledAeRouteStreamId(aeTitle), command, context);
  await services.runner.waitFor(position);
}
