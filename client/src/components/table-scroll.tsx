import type { JSX } from 'solid-js';

/**
 * Lets a wide table scroll sideways on a narrow screen instead of pushing the page wider. Focusable,
 * so keyboard users can scroll it too; labelled, so screen readers announce what the region holds.
 */
export function TableScroll(props: { label: string; children: JSX.Element }) {
  return (
    <div class="table-scroll" role="region" aria-label={`${props.label} table`} tabIndex={0}>
      {props.children}
    </div>
  );
}
