import { canClaimCase, type CaseViewer } from '../../domain/cases/case-access';
import { caseDecider } from '../../domain/cases/case';
import { asCaseId, caseStreamId } from '../../domain/cases/case-model';
import { personalFolderId, UNCLAIMED_FOLDER_ID } from '../../domain/folders/folder';
import { DomainError } from '../../domain/shared/errors';
import { asUserId } from '../../domain/shared/ids';
import { caseById } from '../../projections/cases/cases-queries';
import { folderById } from '../../projections/folders/folders-queries';
import type { AppServices } from '../app-services';
import { handleCommand } from '../commands/handle-command';
import type { CommandContext } from '../events/event-log';

/** Files an unclaimed case: into the claimer's personal folder, or (admins, or owners of the target) a folder given. */
export async function claimCase(services: AppServices, viewer: CaseViewer, caseId: string, folderId: string | null, context: CommandContext): Promise<void> {
  const db = services.readDb;
  const found = caseById(db, caseId);
  const inbox = folderById(db, UNCLAIMED_FOLDER_ID);
  if (!found || !inbox) throw new DomainError('CASE_NOT_FOUND', `no case ${caseId}`);
  if (!canClaimCase({ folder: found.folderId ? folderById(db, found.folderId) ?? inbox : inbox, authorGmc: found.authorGmc }, viewer)) {
    throw new DomainError('FORBIDDEN', 'only an admin or the case author can claim an unclaimed case');
  }
  const target = folderById(db, folderId ?? personalFolderId(asUserId(viewer.userId)));
  if (!target || target.kind === 'unclaimed' || (!viewer.isAdmin && target.ownerId !== viewer.userId)) {
    throw new DomainError('FOLDER_NOT_FOUND', 'choose one of your own folders');
  }
  const { position } = await handleCommand(
    services.log,
    caseDecider,
    caseStreamId(asCaseId(caseId)),
    { type: 'ClaimCase', caseId: asCaseId(caseId), folderId: target.id, ownerId: target.ownerId, claimedBy: viewer.userId, at: new Date().toISOString() },
    context,
  );
  await services.runner.waitFor(position);
}
