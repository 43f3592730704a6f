import { randomUUID } from 'node:crypto';
import { folderDecider, folderStreamId } from '../../domain/folders/folder';
import { canViewFolder } from '../../domain/folders/permissions';
import { DomainError } from '../../domain/shared/errors';
import { asFolderId, type FolderId } from '../../domain/shared/ids';
import { folderById } from '../../projections/folders/folders-queries';
import type { Viewer } from '../accounts/accounts';
import type { AppServices } from '../app-services';
import { handleCommand } from '../commands/handle-command';
import type { CommandContext } from '../events/event-log';

/** Creates a folder owned by the viewer and waits until it is in the read models. */
export async function createFolder(services: AppServices, viewer: Viewer, name: string, context: CommandContext): Promise<FolderId> {
  const folderId = asFolderId(randomUUID());
  const { position } = await handleCommand(
    services.log,
    folderDecider,
    folderStreamId(folderId),
    { type: 'CreateFolder', folderId, name, kind: 'shared', ownerId: viewer.userId, at: new Date().toISOString() },
    context,
  );
  await services.runner.waitFor(position);
  return folderId;
}

/** Renames a folder the viewer owns. */
export async function renameFolder(services: AppServices, viewer: Viewer, id: string, name: string, context: CommandContext): Promise<void> {
  const folder = folderById(services.readDb, id);
  if (!folder || !canViewFolder(folder, viewer)) throw new DomainError('FOLDER_NOT_FOUND', `no folder ${id}`);
  if (folder.ownerId !== viewer.userId) throw new DomainError('FORBIDDEN', 'only the owner can rename a folder');
  const folderId = asFolderId(id);
  const { position } = await handleCommand(services.log, folderDecider, folderStreamId(folderId), { type: 'RenameFolder', folderId, name, at: new Date().toISOString() }, context);
  await services.runner.waitFor(position);
}

/** Limits which senders (by GMC number) may file into a folder the viewer owns; null lifts the limit. */
export async function restrictFolderSenders(services: AppServices, viewer: Viewer, id: string, gmcNumbers: readonly string[] | null, context: CommandContext): Promise<void> {
  const folder = folderById(services.readDb, id);
  if (!folder || !canViewFolder(folder, viewer)) throw new DomainError('FOLDER_NOT_FOUND', `no folder ${id}`);
  if (folder.ownerId !== viewer.userId) throw new DomainError('FORBIDDEN', 'only the owner can choose who may send to a folder');
  const folderId = asFolderId(id);
  const { position } = await handleCommand(services.log, folderDecider, folderStreamId(folderId), { type: 'RestrictSenders', folderId, gmcNumbers, at: new Date().toISOString() }, context);
  await services.runner.waitFor(position);
}
