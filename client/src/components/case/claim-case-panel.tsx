import { createMutation, createQuery } from '@urql/solid';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { humanErrorMessage } from '../../graphql/errors';
import { ClaimCaseMutation, ClaimTargetFoldersQuery } from '../../graphql/case-operations';
import { useCurrentUser } from '../../session';
import { useAnnounce } from '../live-announcer';

const CLAIM_MESSAGES = {
  FORBIDDEN: 'Only an administrator or the author of this case can claim it.',
};

/** Admins choose any folder they can see; the personal folder comes first and is the default. */
function FolderPicker(props: { value: string; onChange(folderId: string): void }) {
  const user = useCurrentUser();
  const [folders] = createQuery({ query: ClaimTargetFoldersQuery });
  const choices = createMemo(() => {
    const personalId = user().personalFolder?.id;
    return (folders.data?.folders ?? [])
      .filter((folder) => folder.kind !== 'UNCLAIMED')
      .sort((a, b) => Number(b.id === personalId) - Number(a.id === personalId) || a.name.localeCompare(b.name, 'en-GB'));
  });
  return (
    <div class="field">
      <label for="claim-folder">File it into</label>
      <select id="claim-folder" value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">My personal folder</option>
        <For each={choices().filter((folder) => folder.id !== user().personalFolder?.id)}>
          {(folder) => (
            <option value={folder.id}>
              {folder.name}
              {folder.owner ? ` (${folder.owner.displayName})` : ''}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** Shown on an unclaimed case to its author and to admins: file it into a folder. */
export function ClaimCasePanel(props: { caseId: string; onClaimed(): void }) {
  const user = useCurrentUser();
  const announce = useAnnounce();
  const [state, claimCase] = createMutation(ClaimCaseMutation);
  const [folderId, setFolderId] = createSignal('');
  const [error, setError] = createSignal<string>();

  const claim = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    setError(undefined);
    const result = await claimCase({ id: props.caseId, folderId: folderId() || null });
    if (result.error || !result.data) {
      setError(humanErrorMessage(result.error, CLAIM_MESSAGES));
      return;
    }
    const folder = result.data.claimCase.folder;
    announce(`Case filed into ${folder ? `“${folder.name}”` : 'your personal folder'}.`);
    props.onClaimed();
  };

  return (
    <section class="panel claim-panel" aria-labelledby="claim-heading">
      <h2 id="claim-heading">This case is not filed yet</h2>
      <p class="panel-lede">
        No routing rule matched it, so it waits in Unclaimed submissions. Claim it to file it into a folder.
      </p>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {error()}
        </p>
      </Show>
      <form class="claim-form" onSubmit={(event) => void claim(event)} aria-busy={state.fetching}>
        <Show when={user().isAdmin}>
          <FolderPicker value={folderId()} onChange={setFolderId} />
        </Show>
        <button type="submit" class="button button-primary" disabled={state.fetching}>
          {state.fetching ? 'Claiming…' : user().isAdmin ? 'Claim case' : 'Claim into my personal folder'}
        </button>
      </form>
    </section>
  );
}
