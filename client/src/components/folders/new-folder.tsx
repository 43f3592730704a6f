import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { humanErrorMessage } from '../../graphql/errors';
import { CreateFolderMutation } from '../../graphql/operations';
import { useAnnounce } from '../live-announcer';
import { FolderNameForm } from './folder-name-form';

/** "New folder" on My folders: opens an inline form; on success the new folder is announced and focused. */
export function NewFolder(props: { onCreated(folderId: string): void }) {
  const announce = useAnnounce();
  const [open, setOpen] = createSignal(false);
  const [state, createFolder] = createMutation(CreateFolderMutation);
  let opener: HTMLButtonElement | undefined;

  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };

  const create = async (name: string) => {
    const result = await createFolder({ name });
    if (result.error || !result.data) return humanErrorMessage(result.error);
    setOpen(false);
    announce(`Folder “${result.data.createFolder.name}” created.`);
    props.onCreated(result.data.createFolder.id);
    return undefined;
  };

  return (
    <div class="new-folder">
      <Show
        when={open()}
        fallback={
          <button ref={opener} type="button" class="button button-primary" aria-expanded="false" onClick={() => setOpen(true)}>
            <span aria-hidden="true">+</span> New folder
          </button>
        }
      >
        <section class="panel new-folder-panel" aria-labelledby="new-folder-heading">
          <h2 id="new-folder-heading">New folder</h2>
          <FolderNameForm
            id="new-folder-name"
            label="Folder name"
            submitLabel="Create folder"
            busyLabel="Creating…"
            busy={state.fetching}
            onSubmit={create}
            onCancel={close}
          />
        </section>
      </Show>
    </div>
  );
}
