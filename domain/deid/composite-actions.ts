import type { ActionCode } from './annex-e-types';

/** What the profile walker knows about where an attribute sits, to decide its Type in the IOD. */
export interface IodContext {
  readonly sopClassUid: string;
  /** The instance uses the Multi-frame Functional Groups module (Enhanced CT/MR/XA…, Segmentation, …). */
  readonly multiFrameFunctionalGroups: boolean;
  /** Tags of the enclosing sequences, outermost first; empty at the top level. */
  readonly parents: readonly number[];
}

type Family = 'sr' | 'rt' | 'waveform' | 'pet' | 'projection-xray' | 'visible-light' | 'multi-frame' | 'any';

function familiesOf(context: IodContext): Set<Family> {
  const uid = context.sopClassUid;
  const families = new Set<Family>(['any']);
  if (uid.startsWith('1.2.840.10008.5.1.4.1.1.88.')) families.add('sr');
  if (uid.startsWith('1.2.840.10008.5.1.4.1.1.481.')) families.add('rt');
  if (uid.startsWith('1.2.840.10008.5.1.4.1.1.9.')) families.add('waveform');
  if (uid === '1.2.840.10008.5.1.4.1.1.128') families.add('pet');
  if (/^1\.2\.840\.10008\.5\.1\.4\.1\.1\.1\.[123]/.test(uid)) families.add('projection-xray');
  if (uid.startsWith('1.2.840.10008.5.1.4.1.1.77.1.')) families.add('visible-light');
  if (context.multiFrameFunctionalGroups) families.add('multi-frame');
  return families;
}

interface TypeRule {
  /** The attribute is Type `type` in IODs of this family (top level) … */
  readonly family?: Family;
  /** … or when nested directly inside this sequence tag. */
  readonly parent?: number;
  readonly type: 1 | 2;
}

/**
 * Where attributes with composite action codes are Type 1 or Type 2 (PS3.3), keyed by tag. Everything not listed is
 * treated as Type 3, so the composite code resolves to its strictest choice (X). Sources: PS3.3 module tables as
 * compiled in PixelMed's DicomIODDescriptionsCompiled (General Equipment, SOP Common, General Series/Image/Study,
 * Enhanced General Equipment, Multi-frame Functional Groups, SR Document General, Acquisition Context, RT General
 * Plan/Tolerance/Beams, PET Series/Image, Waveform Identification, Basic Directory records, Person Identification,
 * Referenced Image and Derivation Image macros), checked against dciodvfy on the sample corpus.
 */
const DIRECTORY_RECORD_SEQUENCE = 0x00041220;
const DERIVATION_IMAGE_SEQUENCE = 0x00089124;
const REFERENCED_SERIES_SEQUENCE = 0x00081115;
const BEAM_SEQUENCE = 0x300a00b0;

const TYPE_RULES: ReadonlyMap<number, readonly TypeRule[]> = new Map<number, TypeRule[]>([
  [0x00080020, [{ parent: DIRECTORY_RECORD_SEQUENCE, type: 1 }]],
  [0x00080030, [{ parent: DIRECTORY_RECORD_SEQUENCE, type: 1 }]],
  [0x00200010, [{ parent: DIRECTORY_RECORD_SEQUENCE, type: 1 }]],
  [0x00081030, [{ parent: DIRECTORY_RECORD_SEQUENCE, type: 2 }]],
  [0x00100010, [{ parent: DIRECTORY_RECORD_SEQUENCE, type: 2 }]],
  [0x00080023, [{ family: 'sr', type: 1 }, { family: 'multi-frame', type: 1 }, { family: 'waveform', type: 1 }, { family: 'any', type: 2 }]],
  [0x00080033, [{ family: 'sr', type: 1 }, { family: 'multi-frame', type: 1 }, { family: 'waveform', type: 1 }, { family: 'any', type: 2 }]],
  [0x0008002a, [{ family: 'multi-frame', type: 1 }, { family: 'waveform', type: 1 }]],
  [0x00181000, [{ family: 'multi-frame', type: 1 }]],
  [0x00400555, [{ family: 'projection-xray', type: 2 }, { family: 'visible-light', type: 2 }, { family: 'multi-frame', type: 2 }, { family: 'waveform', type: 2 }]],
  [0x00080021, [{ family: 'pet', type: 1 }]],
  [0x00080031, [{ family: 'pet', type: 1 }]],
  [0x00080022, [{ family: 'pet', type: 2 }]],
  [0x00080032, [{ family: 'pet', type: 2 }]],
  [0x00081070, [{ family: 'rt', type: 2 }]],
  [0x00081111, [{ family: 'sr', type: 2 }]],
  [0x300a0006, [{ family: 'rt', type: 2 }]],
  [0x300a0007, [{ family: 'rt', type: 2 }]],
  [0x300a00b2, [{ family: 'rt', type: 2 }, { parent: BEAM_SEQUENCE, type: 2 }]],
  [0x30080250, [{ family: 'rt', type: 1 }]],
  [0x30080251, [{ family: 'rt', type: 1 }]],
  [0x300e0008, [{ family: 'rt', type: 2 }]],
  [0x00080080, [{ parent: 0x00081072, type: 1 }, { parent: 0x00081052, type: 1 }, { parent: 0x00081049, type: 1 }, { parent: 0x00081062, type: 1 }]],
  [0x00081140, [{ parent: REFERENCED_SERIES_SEQUENCE, type: 1 }, { parent: DERIVATION_IMAGE_SEQUENCE, type: 1 }, { parent: 0x52009229, type: 2 }, { parent: 0x52009230, type: 2 }]],
  [0x00082112, [{ parent: DERIVATION_IMAGE_SEQUENCE, type: 1 }]],
]);

function typeOf(tag: number, context: IodContext): 1 | 2 | 3 {
  const rules = TYPE_RULES.get(tag);
  if (!rules) return 3;
  const parent = context.parents[context.parents.length - 1];
  if (parent !== undefined) {
    const nested = rules.filter((rule) => rule.parent === parent);
    return nested.length === 0 ? 3 : Math.min(...nested.map((rule) => rule.type)) as 1 | 2;
  }
  const families = familiesOf(context);
  const matching = rules.filter((rule) => rule.family !== undefined && families.has(rule.family));
  return matching.length === 0 ? 3 : Math.min(...matching.map((rule) => rule.type)) as 1 | 2;
}

/**
 * Resolves an action against the attribute's Type where it sits (Table E.1-1a). Composite codes pick by Type:
 * Type 1 needs a value (D, or U for sequences of references), Type 2 must be present but may be empty (Z), Type 3
 * may go (X); Z/D never removes. Plain Z becomes D for a Type 1 attribute (Z allows a dummy value), and plain X
 * becomes Z or D where the IOD requires the attribute (e.g. study attributes of DICOMDIR records), so the output
 * stays a valid IOD while carrying no original value.
 */
export function resolveForIod(code: ActionCode, tag: number, context: IodContext): ActionCode {
  if (code === 'X' || code === 'Z') {
    if (!TYPE_RULES.has(tag)) return code;
    const type = typeOf(tag, context);
    if (type === 1) return 'D';
    return type === 2 ? 'Z' : code;
  }
  if (!code.includes('/')) return code;
  const type = typeOf(tag, context);
  switch (code) {
    case 'Z/D':
      return type === 1 ? 'D' : 'Z';
    case 'X/Z':
      return type <= 2 ? 'Z' : 'X';
    case 'X/D':
      return type <= 2 ? 'D' : 'X';
    case 'X/Z/D':
      return type === 1 ? 'D' : type === 2 ? 'Z' : 'X';
    case 'X/Z/U*':
      return type === 1 ? 'U' : type === 2 ? 'Z' : 'X';
    default:
      return code;
  }
}
