import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { AddSendingNodeMutation, sendingNodeMutationContext } from '../../graphql/admin-operations';
import type { SendingNode } from '../../graphql/admin-types';
import { errorCode, humanErrorMessage } from '../../graphql/errors';

type Field = 'name' | 'aeTitle' | 'host';
type FieldErrors = Partial<Record<Field | 'form', string>>;

/** Which field a server error code belongs to, so it is shown next to that field. */
const FIELD_OF_CODE: Record<string, Field> = {
  AE_TITLE_TAKEN: 'aeTitle',
  INVALID_AE_TITLE: 'aeTitle',
  INVALID_HOST: 'host',
  INVALID_NODE_NAME: 'name',
};

const AE_TITLE_PATTERN = /^[\x20-\x5b\x5d-\x7e]{1,16}$/;

function validate(values: Record<Field, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name) errors.name = 'Enter a name people will recognise, like “St Elsewhere PACS”.';
  else if (values.name.length > 100) errors.name = 'A node name can be at most 100 characters.';
  if (!values.aeTitle) errors.aeTitle = 'Enter the AE title the sender calls from.';
  else if (!AE_TITLE_PATTERN.test(values.aeTitle)) errors.aeTitle = 'An AE title is 1 to 16 characters, without backslash.';
  if (!values.host) errors.host = 'Enter the host name or IP address the sender connects from.';
  return errors;
}

const FIELDS: { field: Field; id: string; label: string; hint: string; mono?: boolean }[] = [
  { field: 'name', id: 'node-name', label: 'Name', hint: 'Shown with every case this node sends.' },
  { field: 'aeTitle', id: 'node-ae-title', label: 'AE title', hint: 'The calling AE title, up to 16 characters.', mono: true },
  { field: 'host', id: 'node-host', label: 'Host', hint: 'Host name or IP address it connects from.', mono: true },
];

/** Registers a sending PACS or Export Manager; hands the one-time STOW-RS token to `onAdded`. */
export function AddNodeForm(props: { onAdded(node: SendingNode, token: string): void }) {
  const [state, addNode] = createMutation(AddSendingNodeMutation);
  const [values, setValues] = createSignal<Record<Field, string>>({ name: '', aeTitle: '', host: '' });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const inputs: Partial<Record<Field, HTMLInputElement>> = {};

  const focusFirstError = (found: FieldErrors) => {
    const first = FIELDS.find((f) => found[f.field]);
    if (first) inputs[first.field]?.focus();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (state.fetching) return;
    const trimmed = { name: values().name.trim(), aeTitle: values().aeTitle.trim(), host: values().host.trim() };
    const found = validate(trimmed);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError(found);
    const result = await addNode(trimmed, sendingNodeMutationContext);
    if (result.error || !result.data) {
      const field = FIELD_OF_CODE[errorCode(result.error) ?? ''];
      const message = humanErrorMessage(result.error);
      const next: FieldErrors = field ? { [field]: message } : { form: message };
      setErrors(next);
      return focusFirstError(next);
    }
    setValues({ name: '', aeTitle: '', host: '' });
    props.onAdded(result.data.addSendingNode.node, result.data.addSendingNode.stowToken);
  };

  return (
    <section class="panel" aria-labelledby="add-node-heading">
      <h2 id="add-node-heading">Add a sending node</h2>
      <p class="panel-lede">
        Only registered nodes can send: Lightbox refuses associations from any other AE title or address.
      </p>
      <Show when={errors().form}>
        <p class="notice notice-error" role="alert">
          {errors().form}
        </p>
      </Show>
      <form class="node-form" novalidate onSubmit={(event) => void submit(event)} aria-busy={state.fetching}>
        {FIELDS.map((f) => (
          <div class="field">
            <label for={f.id}>{f.label}</label>
            <p id={`${f.id}-hint`} class="field-hint">
              {f.hint}
            </p>
            <Show when={errors()[f.field]}>
              <p id={`${f.id}-error`} class="field-error" role="alert">
                {errors()[f.field]}
              </p>
            </Show>
            <input
              ref={(element) => (inputs[f.field] = element)}
              id={f.id}
              classList={{ mono: f.mono }}
              autocomplete="off"
              spellcheck={false}
              value={values()[f.field]}
              onInput={(event) => setValues({ ...values(), [f.field]: event.currentTarget.value })}
              aria-invalid={errors()[f.field] ? 'true' : undefined}
              aria-describedby={errors()[f.field] ? `${f.id}-error ${f.id}-hint` : `${f.id}-hint`}
            />
          </div>
        ))}
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={state.fetching}>
            {state.fetching ? 'Adding…' : 'Add node'}
          </button>
        </div>
      </form>
    </section>
  );
}
