import { code, sameCode, type CodedConcept } from '../dicom/coded-concept';

/**
 * TCE codes (tce.md §2–§3). IHE published them under the private scheme IHERADTF; DICOM later added DCM
 * equivalents. Which one a current Technical Framework requires is unverified, and both occur in the wild,
 * so every TCE concept is a list of aliases matched on value + scheme.
 */
export type CodeAliases = readonly CodedConcept[];

export const matchesAny = (candidate: Pick<CodedConcept, 'value' | 'scheme'> | null, aliases: CodeAliases): boolean =>
  candidate !== null && aliases.some((alias) => sameCode(candidate, alias));

export type ManifestPurpose = 'teaching-file' | 'clinical-trial' | 'research-collection' | 'publication';

/** Document titles that make a KOS a TCE manifest (table 2.1). Plain KOS titles such as 113000 are not. */
export const manifestTitles: Readonly<Record<ManifestPurpose, CodeAliases>> = {
  'teaching-file': [code('TCE001', 'IHERADTF', 'For Teaching File Export'), code('128710', 'DCM', 'For Teaching File Export')],
  'clinical-trial': [code('TCE002', 'IHERADTF', 'For Clinical Trial Export'), code('128711', 'DCM', 'For Clinical Trial Export')],
  'research-collection': [
    code('TCE007', 'IHERADTF', 'For Research Collection Export'),
    code('128713', 'DCM', 'For Research Collection Export'),
  ],
  publication: [code('TCE008', 'IHERADTF', 'For Publication Export'), code('128714', 'DCM', 'For Publication Export')],
};

export const atfiTitle: CodeAliases = [
  code('TCE006', 'IHERADTF', 'Additional Teaching File Information'),
  code('128712', 'DCM', 'Additional Teaching File Information'),
];

export const documentTitleModifier = code('113011', 'DCM', 'Document Title Modifier');
export const keyObjectDescription = code('113012', 'DCM', 'Key Object Description');
export const personObserverName = code('121008', 'DCM', 'Person Observer Name');
export const observerType = code('121005', 'DCM', 'Observer Type');
export const observerTypePerson = code('121006', 'DCM', 'Person');

export type DelayReason =
  | 'final-report'
  | 'clinical-information'
  | 'confirmation-of-diagnosis'
  | 'histopathology'
  | 'laboratory-results'
  | 'patient-discharge'
  | 'patient-death'
  | 'expert-review';

/** CID 7015 "Export Delay Reason" and its IHERADTF twins (table 2.2). */
export const delayReasons: ReadonlyArray<{ reason: DelayReason; aliases: CodeAliases }> = [
  ['final-report', 'TCE011', '128715', 'Delay export until final report is available'],
  ['clinical-information', 'TCE012', '128716', 'Delay export until clinical information is available'],
  ['confirmation-of-diagnosis', 'TCE013', '128717', 'Delay export until confirmation of diagnosis is available'],
  ['histopathology', 'TCE014', '128718', 'Delay export until histopathology is available'],
  ['laboratory-results', 'TCE015', '128719', 'Delay export until other laboratory results is available'],
  ['patient-discharge', 'TCE016', '128720', 'Delay export until patient is discharged'],
  ['patient-death', 'TCE017', '128721', 'Delay export until patient dies'],
  ['expert-review', 'TCE018', '128722', 'Delay export until expert review is available'],
].map(([reason, ihe, dcm, meaning]) => ({
  reason: reason as DelayReason,
  aliases: [code(ihe!, 'IHERADTF', meaning!), code(dcm!, 'DCM', meaning!)],
}));

export type TeachingCategory =
  | 'musculoskeletal'
  | 'pulmonary'
  | 'cardiovascular'
  | 'gastrointestinal'
  | 'genitourinary'
  | 'neuro'
  | 'vascular-interventional'
  | 'nuclear'
  | 'ultrasound'
  | 'pediatric'
  | 'breast';

/** CID 7017 "Category of Teaching Material – Imaging" (table 3.2), in TCE301…TCE311 order. */
export const teachingCategories: ReadonlyArray<{ category: TeachingCategory; aliases: CodeAliases }> = (
  [
    ['musculoskeletal', 'Musculoskeletal'],
    ['pulmonary', 'Pulmonary'],
    ['cardiovascular', 'Cardiovascular'],
    ['gastrointestinal', 'Gastrointestinal'],
    ['genitourinary', 'Genitourinary'],
    ['neuro', 'Neuro'],
    ['vascular-interventional', 'Vascular and Interventional'],
    ['nuclear', 'Nuclear'],
    ['ultrasound', 'Ultrasound'],
    ['pediatric', 'Pediatric'],
    ['breast', 'Breast'],
  ] as const
).map(([category, meaning], i) => ({
  category,
  aliases: [code(`TCE${301 + i}`, 'IHERADTF', meaning), code(String(128728 + i), 'DCM', meaning)],
}));

export type DifficultyLevel = 'primary' | 'intermediate' | 'advanced';

/** CID 7016 "Level of Difficulty" (table 3.3). */
export const difficultyLevels: ReadonlyArray<{ level: DifficultyLevel; aliases: CodeAliases }> = (
  [
    ['primary', 'Primary'],
    ['intermediate', 'Intermediate'],
    ['advanced', 'Advanced'],
  ] as const
).map(([level, meaning], i) => ({
  level,
  aliases: [code(`TCE${201 + i}`, 'IHERADTF', meaning), code(String(128725 + i), 'DCM', `${meaning} level`)],
}));

export type YesNoAnswer = 'yes' | 'no' | 'undetermined';

/** CID 230 Yes-No-Undetermined (table 3.4), SNOMED RT and CT forms. */
export const yesNoCodes: ReadonlyArray<{ answer: YesNoAnswer; aliases: CodeAliases }> = [
  { answer: 'yes', aliases: [code('R-0038D', 'SRT', 'Yes'), code('373066001', 'SCT', 'Yes')] },
  { answer: 'no', aliases: [code('R-00339', 'SRT', 'No'), code('373067005', 'SCT', 'No')] },
  { answer: 'undetermined', aliases: [code('R-0038A', 'SRT', 'Undetermined'), code('373068000', 'SCT', 'Undetermined')] },
];

/** Agfa IMPAX EE's vendor Title item (tce.md §3.5): TCE has no title field of its own. */
export const vendorTitle = code('TF001', 'AGFAIMPAXEE', 'Title');
