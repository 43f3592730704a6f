import { describe, expect, it } from 'vitest';
import { parseDestination } from './destination';

describe('parseDestination', () => {
  it('reads a DICOM destination with its called AE title', () => {
    expect(parseDestination('dicom://ARCHIVE@pacs.example.org:104')).toEqual({
      kind: 'dicom', label: 'dicom://ARCHIVE@pacs.example.org:104', calledAet: 'ARCHIVE', callingAet: null, host: 'pacs.example.org', port: 104,
    });
  });

  it('reads a calling AE title given after the called one', () => {
    expect(parseDestination('dicom://ARCHIVE:GW1@10.0.0.5:11112')).toMatchObject({ calledAet: 'ARCHIVE', callingAet: 'GW1' });
  });

  it('sends STOW-RS to the studies resource of a DICOMweb base URL', () => {
    expect(parseDestination('https://archive.example.org/dicomweb/')).toEqual({
      kind: 'stow', label: 'https://archive.example.org/dicomweb', studiesUrl: 'https://archive.example.org/dicomweb/studies',
    });
  });

  it('refuses URLs without an AE title or port, credentials in URLs and other schemes', () => {
    for (const bad of ['dicom://host:104', 'dicom://AE@host', 'https://user:pw@host/dicomweb', 'ftp://host/x', 'not a url']) {
      expect(() => parseDestination(bad), bad).toThrow(expect.objectContaining({ code: 'GATEWAY_BAD_DESTINATION' }));
    }
  });
});
