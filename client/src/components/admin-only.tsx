import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { useCurrentUser } from '../session';
import { PageHeading } from './page-heading';

function NotAllowed() {
  return (
    <div class="page page-narrow">
      <PageHeading title="Not allowed" />
      <p>
        This page is for Lightbox administrators. If you need to manage sending nodes or see what the DICOM
        receiver is doing, ask an administrator.
      </p>
      <p>
        <A href="/" class="button button-secondary">
          Go to My folders
        </A>
      </p>
    </div>
  );
}

/** Renders its children for admins only; everyone else sees a plain "not allowed" page. */
export function AdminOnly(props: { children: JSX.Element }) {
  const user = useCurrentUser();
  return (
    <Show when={user().isAdmin} fallback={<NotAllowed />}>
      {props.children}
    </Show>
  );
}
