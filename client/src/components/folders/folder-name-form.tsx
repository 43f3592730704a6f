import { createSignal, onMount, Show } from 'solid-js';

export interface FolderNameFormProps {
  /** Unique per page: used for the input's id and its error's id. */
  id: string;
  label: string;
  initialName?: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Resolves to an error sentence to show under the field, or undefined when saved. */
  onSubmit(name: string): Promise<string | undefined>;
  onCancel(): void;
}

const MAX_FOLDER_NAME = 120;

/** The inline form behind "New folder" and "Rename": one field, save, cancel (Escape cancels too). */
export function FolderNameForm(props: FolderNameFormProps) {
  const [name, setName] = createSignal(props.initialName ?? '');
  const [error, setError] = createSignal<string>();
  let input!: HTMLInputElement;
  const errorId = () => `${props.id}-error`;

  onMount(() => {
    input.focus();
    input.select();
  });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (props.busy) return;
    const trimmed = name().trim();
    if (!trimmed) {
      setError('Enter a name for the folder.');
      return input.focus();
    }
    if (trimmed.length > MAX_FOLDER_NAME) {
      setError(`A folder name can be at most ${MAX_FOLDER_NAME} characters.`);
      return input.focus();
    }
    setError(undefined);
    const problem = await props.onSubmit(trimmed);
    if (problem) {
      setError(problem);
      input.focus();
    }
  };

  return (
    <form
      class="inline-form"
      novalidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onCancel();
        }
      }}
      aria-busy={props.busy}
    >
      <div class="field">
        <label for={props.id}>{props.label}</label>
        <Show when={error()}>
          <p id={errorId()} class="field-error" role="alert">
            {error()}
          </p>
        </Show>
        <input
          ref={input}
          id={props.id}
          name="name"
          type="text"
          autocomplete="off"
          maxLength={MAX_FOLDER_NAME + 20}
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? errorId() : undefined}
        />
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.submitLabel}
        </button>
        <button type="button" class="button button-quiet" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
