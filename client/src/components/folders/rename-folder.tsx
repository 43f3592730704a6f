import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { humanErrorMessage } from '../../graphql/errors';
import { RenameFolderMutation } from '../../graphql/operations';
import { useAnnounce } from '../live-announcer';
import { FolderNameForm } from './folder-name-form';

const RENAME_MESSAGES = { FORBIDDEN: 'Only the owner of this folder can rename it.' };

/** "Rename" on a folder the signed-in user owns. Focus returns to the button when the form closes. */
export function RenameFolder(props: { folderId: string; name: string }) {
  const announce = useAnnounce();
  const [open, setOpen] = createSignal(false);
  const [state, renameFolder] = createMutation(RenameFolderMutation);
  let opener: HTMLButtonElement | undefined;

  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };

  const rename = async (name: string) => {
    if (name === props.name) {
      close();
      return undefined;
    }
    const result = await renameFolder({ id: props.folderId, name });
    if (result.error || !result.data) return humanErrorMessage(result.error, RENAME_MESSAGES);
    announce(`Folder renamed to “${result.data.renameFolder.name}”.`);
    close();
    return undefined;
  };

  return (
    <Show
      when={open()}
      fallback={
        <button ref={opener} type="button" class="button button-quiet" onClick={() => setOpen(true)}>
          Rename
        </button>
      }
    >
      <div class="rename-folder">
        <FolderNameForm
          id="rename-folder-name"
          label="New name for this folder"
          initialName={props.name}
          submitLabel="Save name"
          busyLabel="Saving…"
          busy={state.fetching}
          onSubmit={rename}
          onCancel={close}
        />
      </div>
    </Show>
  );
}
