import { describe, expect, it } from 'vitest';
import { given } from '../shared/given-when-then';
import { asFolderId, asUserId } from '../shared/ids';
import { folderDecider, personalFolderId, type FolderEvent } from './folder';
import { canViewFolder } from './permissions';

const owner = asUserId('owner-1');
const folderId = personalFolderId(owner);
const created: FolderEvent = { type: 'FolderCreated', data: { folderId, name: 'My cases', kind: 'personal', ownerId: owner, createdAt: 't0' } };
const create = { type: 'CreateFolder' as const, folderId, name: 'My cases', kind: 'personal' as const, ownerId: owner, at: 't0' };

describe('folder decider', () => {
  it('derives the same personal folder id from the same user, and different ids for different users', () => {
    expect(personalFolderId(owner)).toBe(folderId);
    expect(personalFolderId(asUserId('owner-2'))).not.toBe(folderId);
  });
  it('creates a folder, and creating the same personal folder again decides nothing (idempotent reaction)', () => {
    expect(given(folderDecider, []).when(create)()).toEqual([created]);
    expect(given(folderDecider, [created]).when(create)()).toEqual([]);
  });
  it('refuses a different folder under an existing id', () => {
    expect(given(folderDecider, [created]).when({ ...create, kind: 'shared' })).toThrow(expect.objectContaining({ code: 'FOLDER_EXISTS' }));
  });
  it('renames, ignoring a rename to the same name, refusing an empty name', () => {
    const rename = { type: 'RenameFolder' as const, folderId, name: ' Neuro ', at: 't1' };
    expect(given(folderDecider, [created]).when(rename)()).toEqual([{ type: 'FolderRenamed', data: { folderId, name: 'Neuro', renamedAt: 't1' } }]);
    expect(given(folderDecider, [created]).when({ ...rename, name: 'My cases' })()).toEqual([]);
    expect(given(folderDecider, [created]).when({ ...rename, name: '  ' })).toThrow(expect.objectContaining({ code: 'INVALID_FOLDER_NAME' }));
    expect(given(folderDecider, []).when({ ...rename, folderId: asFolderId('nope') })).toThrow(expect.objectContaining({ code: 'FOLDER_NOT_FOUND' }));
  });
});

describe('folder sender restrictions', () => {
  it('keeps a sorted, de-duplicated list of valid GMC numbers and refuses an invalid one', () => {
    const restrict = { type: 'RestrictSenders' as const, folderId, gmcNumbers: ['gmc 7654321', 'GMC1234567', 'GMC1234567'], at: 't' };
    expect(given(folderDecider, [created]).when(restrict)()).toEqual([
      { type: 'FolderSendersRestricted', data: { folderId, allowedSenders: ['GMC1234567', 'GMC7654321'], at: 't' } },
    ]);
    expect(given(folderDecider, [created]).when({ ...restrict, gmcNumbers: ['GMC1'] })).toThrow(expect.objectContaining({ code: 'INVALID_GMC_NUMBER' }));
  });
});

describe('folder permissions', () => {
  it('lets the owner see a personal folder and nobody else, not even an admin', () => {
    expect(canViewFolder({ kind: 'personal', ownerId: owner }, { userId: owner, isAdmin: false })).toBe(true);
    expect(canViewFolder({ kind: 'personal', ownerId: owner }, { userId: 'x', isAdmin: true })).toBe(false);
  });
  it('lets admins see the unclaimed-submissions inbox', () => {
    expect(canViewFolder({ kind: 'unclaimed', ownerId: null }, { userId: 'x', isAdmin: true })).toBe(true);
    expect(canViewFolder({ kind: 'unclaimed', ownerId: null }, { userId: 'x', isAdmin: false })).toBe(false);
  });
});
