import type { DicomDataset } from './dicom-dataset';
import { asciiText, elementOf, groupOf, isPrivateCreatorTag, isPrivateTag } from './dicom-dataset';
import { SAFE_PRIVATE_ROWS } from './tables/safe-private-table.generated';

const safeKeys: ReadonlySet<string> = new Set(SAFE_PRIVATE_ROWS.map((row) => `${row.group}|${row.elementInBlock}|${row.creator}`));

/**
 * Decides which private elements of one dataset level survive Retain Safe Private: an element is safe when its
 * (group, element-in-block, creator) is on the merged safe list. The creator of a block is resolved from the
 * (gggg,00xx) element of the same dataset level (PS3.5 §7.8.1), so a block is only kept with its own creator.
 */
export function safePrivateTags(dataset: DicomDataset): Set<number> {
  const creators = new Map<number, string>();
  for (const element of dataset) {
    if (isPrivateCreatorTag(element.tag)) {
      creators.set(groupOf(element.tag) * 0x100 + elementOf(element.tag), asciiText(element.value).toUpperCase());
    }
  }
  const kept = new Set<number>();
  if (creators.size === 0) return kept;
  for (const element of dataset) {
    if (!isPrivateTag(element.tag) || elementOf(element.tag) < 0x1000) continue;
    const group = groupOf(element.tag);
    const block = elementOf(element.tag) >> 8;
    const creator = creators.get(group * 0x100 + block);
    if (creator && safeKeys.has(`${group}|${elementOf(element.tag) & 0xff}|${creator}`)) {
      kept.add(element.tag);
      kept.add(group * 0x10000 + block);
    }
  }
  return kept;
}
