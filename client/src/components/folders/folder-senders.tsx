import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { humanErrorMessage } from '../../graphql/errors';
import { RestrictFolderSendersMutation } from '../../graphql/operations';
import { useAnnounce } from '../live-announcer';

/** GMC numbers typed one per line, or separated by commas or spaces; an empty list means anyone may send. */
const parseList = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s !== '');

/**
 * For the owner of a folder: which radiologists (by GMC number) may send cases into it. A submission from
 * anyone else goes to Unclaimed submissions with the reason recorded.
 */
export function FolderSenders(props: { folderId: string; allowedSenders: string[] | null }) {
  const announce = useAnnounce();
  const [state, restrict] = createMutation(RestrictFolderSendersMutation);
  const [text, setText] = createSignal((props.allowedSenders ?? []).join('\n'));
  const [error, setError] = createSignal<string | null>(null);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const list = parseList(text());
    const result = await restrict({ id: props.folderId, gmcNumbers: list.length === 0 ? null : list });
    if (result.error) {
      setError(humanErrorMessage(result.error, { INVALID_GMC_NUMBER: 'Each entry must be a GMC number: GMC followed by 7 digits, e.g. GMC1234567.' }));
      return;
    }
    setError(null);
    const saved = result.data?.restrictFolderSenders.allowedSenders ?? null;
    setText((saved ?? []).join('\n'));
    announce(saved ? `Only ${saved.length} sender${saved.length === 1 ? '' : 's'} may now send to this folder.` : 'Anyone may now send to this folder.');
  };

  return (
    <section class="panel" aria-labelledby="senders-heading">
      <h2 id="senders-heading">Who may send cases here</h2>
      <p class="panel-lede">
        {props.allowedSenders ? `Only these GMC numbers (${props.allowedSenders.length}).` : 'Any radiologist whose PACS routes a case here.'} A case
        from anyone else goes to Unclaimed submissions, with the reason.
      </p>
      <form class="inline-form" novalidate onSubmit={(event) => void save(event)}>
        <label for="allowed-senders">GMC numbers, one per line (leave empty to accept anyone)</label>
        <Show when={error()}>
          <p id="allowed-senders-error" class="field-error" role="alert">
            {error()}
          </p>
        </Show>
        <textarea
          id="allowed-senders"
          class="mono"
          rows={3}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? 'allowed-senders-error' : undefined}
        />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={state.fetching}>
            {state.fetching ? 'Saving…' : 'Save senders'}
          </button>
        </div>
      </form>
    </section>
  );
}
