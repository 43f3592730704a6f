import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { DeleteQuarantinedMutation, ReleaseQuarantinedMutation } from '../../graphql/admin-operations';
import { humanErrorMessage } from '../../graphql/errors';
import { useAnnounce } from '../live-announcer';

const refetchIngest = { additionalTypenames: ['IngestStatus', 'QuarantinedInstance'] };

/**
 * An admin's decision on one quarantined object: let it in after checking it carries no patient identity,
 * or delete it (its bytes too) with a recorded reason.
 */
export function QuarantineActions(props: { sopInstanceUid: string }) {
  const announce = useAnnounce();
  const [releasing, release] = createMutation(ReleaseQuarantinedMutation);
  const [deleting, remove] = createMutation(DeleteQuarantinedMutation);
  const [askingReason, setAskingReason] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const reasonId = `delete-reason-${props.sopInstanceUid}`;
  let reasonInput!: HTMLInputElement;

  const doRelease = async () => {
    if (!window.confirm('Release this object? Only do so if you checked it carries no patient identity.')) return;
    const result = await release({ sopInstanceUid: props.sopInstanceUid }, refetchIngest);
    if (result.error) return setError(humanErrorMessage(result.error));
    announce('Released from quarantine.');
  };

  const doDelete = async (event: SubmitEvent) => {
    event.preventDefault();
    if (reason().trim() === '') {
      setError('Say why the object is deleted.');
      reasonInput.focus();
      return;
    }
    const result = await remove({ sopInstanceUid: props.sopInstanceUid, reason: reason().trim() }, refetchIngest);
    if (result.error) return setError(humanErrorMessage(result.error, { REASON_REQUIRED: 'Say why the object is deleted.' }));
    announce('Deleted from quarantine.');
  };

  return (
    <div class="quarantine-actions">
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show
        when={askingReason()}
        fallback={
          <div class="form-actions">
            <button type="button" class="button button-small" disabled={releasing.fetching} onClick={() => void doRelease()}>
              Release
            </button>
            <button
              type="button"
              class="button button-small button-danger"
              onClick={() => {
                setAskingReason(true);
                queueMicrotask(() => reasonInput.focus());
              }}
            >
              Delete…
            </button>
          </div>
        }
      >
        <form class="inline-form" novalidate onSubmit={(event) => void doDelete(event)} onKeyDown={(e) => e.key === 'Escape' && setAskingReason(false)}>
          <label for={reasonId}>Reason for deleting</label>
          <input ref={reasonInput} id={reasonId} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} required />
          <div class="form-actions">
            <button type="submit" class="button button-small button-danger" disabled={deleting.fetching}>
              Delete for good
            </button>
            <button type="button" class="button button-small" onClick={() => setAskingReason(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
