import { createMutation, createQuery } from '@urql/solid';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { calledAeRouteMutationContext, SetCalledAeRouteMutation } from '../../graphql/admin-operations';
import type { CalledAeRoute } from '../../graphql/admin-types';
import { ClaimTargetFoldersQuery } from '../../graphql/case-operations';
import { humanErrorMessage } from '../../graphql/errors';
import { useAnnounce } from '../live-announcer';

const AE_TITLE_PATTERN = /^[\x20-\x5b\x5d-\x7e]{1,16}$/;

function RouteForm() {
  const announce = useAnnounce();
  const [folders] = createQuery({ query: ClaimTargetFoldersQuery });
  const [state, setRoute] = createMutation(SetCalledAeRouteMutation);
  const [aeTitle, setAeTitle] = createSignal('');
  const [folderId, setFolderId] = createSignal('');
  const [errors, setErrors] = createSignal<{ aeTitle?: string; folder?: string; form?: string }>({});
  const choices = createMemo(() =>
    (folders.data?.folders ?? []).filter((f) => f.kind !== 'UNCLAIMED').sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  );
  let aeInput!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const title = aeTitle().trim();
    const problems: { aeTitle?: string; folder?: string } = {};
    if (!title) problems.aeTitle = 'Enter the AE title senders will call.';
    else if (!AE_TITLE_PATTERN.test(title)) problems.aeTitle = 'An AE title is 1 to 16 characters, without backslash.';
    if (!folderId()) problems.folder = 'Choose the folder these cases go into.';
    setErrors(problems);
    if (problems.aeTitle || problems.folder) return problems.aeTitle ? aeInput.focus() : undefined;
    const result = await setRoute({ aeTitle: title, folderId: folderId() }, calledAeRouteMutationContext);
    if (result.error) {
      setErrors({ form: humanErrorMessage(result.error) });
      return;
    }
    const folderName = choices().find((f) => f.id === folderId())?.name ?? 'the folder';
    announce(`Cases sent to ${title} now go into “${folderName}”.`);
    setAeTitle('');
    setFolderId('');
    aeInput.focus();
  };

  return (
    <form class="route-form" novalidate onSubmit={(event) => void submit(event)} aria-labelledby="route-form-heading">
      <h3 id="route-form-heading" class="subheading">
        Add or change a route
      </h3>
      <Show when={errors().form}>
        <p class="notice notice-error" role="alert">
          {errors().form}
        </p>
      </Show>
      <div class="form-row">
        <div class="field">
          <label for="route-ae-title">Called AE title</label>
          <Show when={errors().aeTitle}>
            <p id="route-ae-title-error" class="field-error">{errors().aeTitle}</p>
          </Show>
          <input
            ref={aeInput}
            id="route-ae-title"
            class="mono"
            autocomplete="off"
            spellcheck={false}
            maxLength={16}
            value={aeTitle()}
            onInput={(event) => setAeTitle(event.currentTarget.value.toUpperCase())}
            aria-invalid={errors().aeTitle ? 'true' : undefined}
            aria-describedby={errors().aeTitle ? 'route-ae-title-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="route-folder">Folder</label>
          <Show when={errors().folder}>
            <p id="route-folder-error" class="field-error">{errors().folder}</p>
          </Show>
          <select
            id="route-folder"
            value={folderId()}
            onChange={(event) => setFolderId(event.currentTarget.value)}
            aria-invalid={errors().folder ? 'true' : undefined}
            aria-describedby={errors().folder ? 'route-folder-error' : undefined}
          >
            <option value="">Choose a folder…</option>
            <For each={choices()}>
              {(folder) => (
                <option value={folder.id}>
                  {folder.name}
                  {folder.owner ? ` (${folder.owner.displayName})` : ''}
                </option>
              )}
            </For>
          </select>
        </div>
        <button type="submit" class="button button-primary" disabled={state.fetching}>
          {state.fetching ? 'Saving…' : 'Save route'}
        </button>
      </div>
    </form>
  );
}

/** Called AE title → folder: everything sent to that AE title is filed there (tce.md §6, rule 2). */
export function CalledAeRoutes(props: { routes: CalledAeRoute[] }) {
  const announce = useAnnounce();
  const [state, setRoute] = createMutation(SetCalledAeRouteMutation);
  const [error, setError] = createSignal<string>();

  const remove = async (aeTitle: string) => {
    setError(undefined);
    const result = await setRoute({ aeTitle, folderId: null }, calledAeRouteMutationContext);
    if (result.error) setError(`The route for ${aeTitle} could not be removed. ${humanErrorMessage(result.error)}`);
    else {
      announce(`Route for ${aeTitle} removed.`);
      document.getElementById('route-ae-title')?.focus();
    }
  };

  return (
    <section class="panel" aria-labelledby="routes-heading">
      <h2 id="routes-heading">Called AE routes</h2>
      <p class="panel-lede">
        A sender that calls one of these AE titles has its cases filed straight into the folder, before any
        other routing rule but a directive in the submitter note.
      </p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={props.routes.length > 0} fallback={<p class="empty-state">No routes: cases are filed by the other rules.</p>}>
        <ul class="route-list">
          <For each={props.routes}>
            {(route) => (
              <li class="route">
                <span class="mono route-ae">{route.aeTitle}</span>
                <span aria-hidden="true">→</span>
                <span class="route-folder">{route.folder?.name ?? <span class="muted">Folder removed</span>}</span>
                <button
                  type="button"
                  class="button button-quiet button-small"
                  disabled={state.fetching}
                  onClick={() => void remove(route.aeTitle)}
                >
                  Remove<span class="visually-hidden"> route for {route.aeTitle}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <RouteForm />
    </section>
  );
}
