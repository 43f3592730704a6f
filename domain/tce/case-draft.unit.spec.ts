import { describe, expect, it } from 'vitest';
import { code } from '../dicom/coded-concept';
import { asFolderId, asUserId } from '../shared/ids';
import { readAtfi } from './atfi';
import { draftCase } from './case-draft';
import { readManifest, type TceManifest } from './manifest';
import type { RoutingDirectory } from './routing';
import { manifest, srDocument, text, uid } from './testing/summaries';

const jane = { userId: asUserId('u-jane'), personalFolderId: asFolderId('f-jane') };
const directory: RoutingDirectory = {
  calledAeFolders: {},
  dispositions: {},
  siteInboxes: {},
  usersByGmc: { GMC1234567: jane },
  usersByLogin: {},
  usersByName: {},
  foldersByKey: {},
  folders: {},
};
const kos = (kod?: string) => readManifest(manifest('m', { refs: [uid('a')], kod, observer: 'Smith^Jane^^Dr^GMC1234567' })) as TceManifest;
const input = { calledAet: 'LIGHTBOX', callingAet: 'PACS', receivedAt: '2024-02-03T04:05:06Z' };

describe('case draft from a submission', () => {
  it('takes the note and title from the KOD and routes by the observer GMC number', () => {
    const draft = draftCase({ ...input, manifests: [kos('Great case title=Scaphoid fracture')], atfi: null }, directory);
    expect(draft).toMatchObject({
      title: { title: 'Scaphoid fracture', source: 'kod' },
      submitterNote: 'Great case',
      submitterName: 'Smith^Jane^^Dr^GMC1234567',
      authorGmcNumber: 'GMC1234567',
      routing: { rule: 'kos-observer', target: { kind: 'folder', folderId: 'f-jane' } },
    });
  });

  it('prefers the ATFI author for display and the first Abstract line for the title', () => {
    const atfi = readAtfi(
      srDocument('s', code('TCE006', 'IHERADTF', 'ATFI'), [
        text(code('TCE101', 'IHERADTF', 'Author'), 'Patel^Asha^^Dr^GMC2222222'),
        text(code('TCE104', 'IHERADTF', 'Abstract'), 'Pneumothorax\nmore'),
      ]),
    );
    const draft = draftCase({ ...input, manifests: [kos()], atfi }, directory);
    expect(draft).toMatchObject({ authorName: 'Patel^Asha^^Dr^GMC2222222', authorGmcNumber: 'GMC2222222', title: { title: 'Pneumothorax' } });
    expect(draft.warnings).toEqual([expect.stringContaining('Category')]);
  });
});
