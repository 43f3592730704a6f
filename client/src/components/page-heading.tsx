import { createEffect, onMount, type JSX } from 'solid-js';

let firstPageShown = false;

/**
 * The page's single h1. It sets the document title and, after an in-app navigation, takes focus,
 * so screen-reader and keyboard users land at the top of the new page instead of on a removed link.
 */
export function PageHeading(props: { title: string; children?: JSX.Element }) {
  let heading!: HTMLHeadingElement;
  createEffect(() => {
    document.title = `${props.title} · Lightbox`;
  });
  onMount(() => {
    if (firstPageShown && !heading.contains(document.activeElement)) {
      heading.focus({ preventScroll: false });
    }
    firstPageShown = true;
  });
  return (
    <h1 ref={heading} tabIndex={-1} class="page-heading">
      {props.children ?? props.title}
    </h1>
  );
}
