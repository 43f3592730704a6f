import { A } from '@solidjs/router';
import { For } from 'solid-js';

export interface Crumb {
  label: string;
  href?: string;
}

/** "My folders › Folder › Case": every step but the last is a link; the last is the current page. */
export function Breadcrumbs(props: { trail: Crumb[]; current: string }) {
  return (
    <nav class="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <For each={props.trail}>{(crumb) => <li>{crumb.href ? <A href={crumb.href}>{crumb.label}</A> : crumb.label}</li>}</For>
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}
