import type { OptionColumn } from './annex-e-types';

/** The PS3.15 E.3 options a de-identification run applies on top of the Basic Profile. */
export interface DeidOptions {
  readonly retainPatientCharacteristics: boolean;
  /** `full` keeps dates (E.3.6 Full Dates); `modified` shifts them per patient (Modified Dates); `none` removes them. */
  readonly retainLongitudinal: 'none' | 'full' | 'modified';
  readonly retainSafePrivate: boolean;
  readonly retainUids: boolean;
  readonly retainDeviceIdentity: boolean;
  readonly retainInstitutionIdentity: boolean;
  readonly cleanDescriptors: boolean;
  readonly cleanStructuredContent: boolean;
  readonly cleanGraphics: boolean;
  readonly cleanPixelData: boolean;
}

export const BASIC_PROFILE: DeidOptions = {
  retainPatientCharacteristics: false,
  retainLongitudinal: 'none',
  retainSafePrivate: false,
  retainUids: false,
  retainDeviceIdentity: false,
  retainInstitutionIdentity: false,
  cleanDescriptors: false,
  cleanStructuredContent: false,
  cleanGraphics: false,
  cleanPixelData: false,
};

/** The Table E.1-1 option columns that apply for a set of options. */
export function activeOptionColumns(options: DeidOptions): Set<OptionColumn> {
  const columns = new Set<OptionColumn>();
  if (options.retainSafePrivate) columns.add('rtnSafePrivOpt');
  if (options.retainUids) columns.add('rtnUIDsOpt');
  if (options.retainDeviceIdentity) columns.add('rtnDevIdOpt');
  if (options.retainInstitutionIdentity) columns.add('rtnInstIdOpt');
  if (options.retainPatientCharacteristics) columns.add('rtnPatCharsOpt');
  if (options.retainLongitudinal === 'full') columns.add('rtnLongFullDatesOpt');
  if (options.retainLongitudinal === 'modified') columns.add('rtnLongModifDatesOpt');
  if (options.cleanDescriptors) columns.add('cleanDescOpt');
  if (options.cleanStructuredContent) columns.add('cleanStructContOpt');
  if (options.cleanGraphics) columns.add('cleanGraphOpt');
  return columns;
}

/** A coded entry of CID 7050 "De-identification Method" (coding scheme DCM). */
export interface MethodCode {
  readonly codeValue: string;
  readonly meaning: string;
}

export const CID_7050 = {
  basic: { codeValue: '113100', meaning: 'Basic Application Confidentiality Profile' },
  cleanPixelData: { codeValue: '113101', meaning: 'Clean Pixel Data Option' },
  cleanGraphics: { codeValue: '113103', meaning: 'Clean Graphics Option' },
  cleanStructuredContent: { codeValue: '113104', meaning: 'Clean Structured Content Option' },
  cleanDescriptors: { codeValue: '113105', meaning: 'Clean Descriptors Option' },
  retainLongitudinalFull: { codeValue: '113106', meaning: 'Retain Longitudinal Temporal Information Full Dates Option' },
  retainLongitudinalModified: { codeValue: '113107', meaning: 'Retain Longitudinal Temporal Information Modified Dates Option' },
  retainPatientCharacteristics: { codeValue: '113108', meaning: 'Retain Patient Characteristics Option' },
  retainDeviceIdentity: { codeValue: '113109', meaning: 'Retain Device Identity Option' },
  retainUids: { codeValue: '113110', meaning: 'Retain UIDs Option' },
  retainSafePrivate: { codeValue: '113111', meaning: 'Retain Safe Private Option' },
  retainInstitutionIdentity: { codeValue: '113112', meaning: 'Retain Institution Identity Option' },
} as const satisfies Record<string, MethodCode>;

/**
 * The CID 7050 codes describing what was applied to one instance: 113100 plus one code per option. Clean Structured
 * Content is listed when chosen or when it was forced on an SR document; Clean Pixel Data only when pixels were
 * actually checked and cleaned.
 */
export function methodCodes(options: DeidOptions, applied: { structuredContentCleaned: boolean; pixelsCleaned: boolean }): MethodCode[] {
  const codes: MethodCode[] = [CID_7050.basic];
  if (applied.pixelsCleaned) codes.push(CID_7050.cleanPixelData);
  if (options.cleanGraphics) codes.push(CID_7050.cleanGraphics);
  if (options.cleanStructuredContent || applied.structuredContentCleaned) codes.push(CID_7050.cleanStructuredContent);
  if (options.cleanDescriptors) codes.push(CID_7050.cleanDescriptors);
  if (options.retainLongitudinal === 'full') codes.push(CID_7050.retainLongitudinalFull);
  if (options.retainLongitudinal === 'modified') codes.push(CID_7050.retainLongitudinalModified);
  if (options.retainPatientCharacteristics) codes.push(CID_7050.retainPatientCharacteristics);
  if (options.retainDeviceIdentity) codes.push(CID_7050.retainDeviceIdentity);
  if (options.retainUids) codes.push(CID_7050.retainUids);
  if (options.retainSafePrivate) codes.push(CID_7050.retainSafePrivate);
  if (options.retainInstitutionIdentity) codes.push(CID_7050.retainInstitutionIdentity);
  return codes;
}
