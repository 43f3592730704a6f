import { describe, expect, it } from 'vitest';
import { asFolderId, asUserId } from '../shared/ids';
import { parseKodDirectives } from './kod-directives';
import type { GmcNumber } from './person-name';
import { routeSubmission, type RoutingDirectory, type RoutingInput } from './routing';

const jane = { userId: asUserId('u-jane'), personalFolderId: asFolderId('f-jane') };
const asha = { userId: asUserId('u-asha'), personalFolderId: asFolderId('f-asha') };
const directory: RoutingDirectory = {
  calledAeFolders: { NEURO_TF: asFolderId('f-neuro'), LOCKED_TF: asFolderId('f-locked') },
  dispositions: { 'chest club': asFolderId('f-chest') },
  siteInboxes: { PACS_A: asFolderId('f-site-a') },
  usersByGmc: { GMC1234567: jane, GMC2222222: asha },
  usersByLogin: { jsmith: jane },
  usersByName: { 'PATEL^ASHA': asha },
  foldersByKey: { 'f-neuro': asFolderId('f-neuro'), 'neuro cases': asFolderId('f-neuro') },
  folders: { 'f-locked': { folderId: asFolderId('f-locked'), allowedSenders: ['GMC2222222' as GmcNumber] } },
};

const input = (overrides: Partial<RoutingInput> & { kod?: string } = {}): RoutingInput => ({
  directives: parseKodDirectives(overrides.kod ?? null),
  keyObjectDescription: overrides.kod ?? null,
  calledAet: 'LIGHTBOX',
  callingAet: 'UNKNOWN_PACS',
  observerName: null,
  atfiAuthorName: null,
  ...overrides,
});

describe('routing a submission (tce.md §6)', () => {
  it('lets a KOD folder= directive win over everything', () => {
    const decision = routeSubmission(input({ kod: 'folder=Neuro cases owner=jsmith', calledAet: 'LOCKED_TF' }), directory);
    expect(decision).toMatchObject({ rule: 'kod-folder', target: { kind: 'folder', folderId: 'f-neuro' } });
  });

  it('routes owner= (and mirc:authorization/owner=) to that user’s personal folder', () => {
    expect(routeSubmission(input({ kod: 'owner=jsmith' }), directory).target).toEqual({ kind: 'folder', folderId: 'f-jane', ownerId: 'u-jane' });
    expect(routeSubmission(input({ kod: 'mirc:authorization/owner=JSMITH' }), directory).rule).toBe('kod-owner');
  });

  it('routes by the called AE title through the AE table', () => {
    expect(routeSubmission(input({ calledAet: 'neuro_tf ' }), directory)).toMatchObject({ rule: 'called-ae', target: { folderId: 'f-neuro' } });
  });

  it('routes a KOD equal to a disposition name', () => {
    expect(routeSubmission(input({ kod: ' Chest club ' }), directory).rule).toBe('kod-disposition');
  });

  it('routes by the GMC number in the KOS observer name, then by the ATFI author name', () => {
    expect(routeSubmission(input({ observerName: 'Smith^J^^Dr^GMC1234567' }), directory)).toMatchObject({ rule: 'kos-observer', target: { ownerId: 'u-jane' } });
    expect(routeSubmission(input({ atfiAuthorName: 'patel^asha' }), directory)).toMatchObject({ rule: 'atfi-author', target: { ownerId: 'u-asha' } });
  });

  it('falls back to the calling site inbox, then to unclaimed', () => {
    expect(routeSubmission(input({ callingAet: 'pacs_a' }), directory).rule).toBe('calling-ae');
    const unclaimed = routeSubmission(input({ kod: 'owner=nobody' }), directory);
    expect(unclaimed.target).toEqual({ kind: 'unclaimed' });
    expect(unclaimed.steps.find((s) => s.rule === 'kod-owner')).toMatchObject({ outcome: 'no-match' });
  });

  it('sends a submission a restricted folder refuses to the unclaimed inbox, and logs why', () => {
    const refused = routeSubmission(input({ calledAet: 'LOCKED_TF', observerName: 'Smith^Jane^^Dr^GMC1234567' }), directory);
    expect(refused.steps.find((s) => s.rule === 'called-ae')?.outcome).toBe('sender-not-allowed');
    expect(refused).toMatchObject({ rule: 'unclaimed', target: { kind: 'unclaimed' }, reason: expect.stringContaining('does not accept GMC1234567') });
    const allowed = routeSubmission(input({ calledAet: 'LOCKED_TF', observerName: 'Patel^Asha^^Dr^GMC2222222' }), directory);
    expect(allowed).toMatchObject({ rule: 'called-ae', senderGmcNumber: 'GMC2222222' });
  });
});
