import { createSignal, onMount, Show } from 'solid-js';
import type { SendingNode } from '../../graphql/admin-types';

/** The STOW-RS token of a node just added: shown once, copyable, with a plain warning. */
export function StowTokenNotice(props: { node: SendingNode; token: string; onDismiss(): void }) {
  const [copied, setCopied] = createSignal<'yes' | 'failed'>();
  let heading!: HTMLHeadingElement;
  let tokenField!: HTMLTextAreaElement;
  onMount(() => heading.focus());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.token);
      setCopied('yes');
    } catch {
      tokenField.select();
      setCopied('failed');
    }
  };

  return (
    <section class="notice notice-warning token-notice" aria-labelledby="token-heading">
      <h2 id="token-heading" ref={heading} tabIndex={-1} class="notice-title">
        {props.node.name} is registered. Copy its STOW-RS token now
      </h2>
      <p>
        <strong>This token is shown only once.</strong> Lightbox keeps only a fingerprint of it. Give it to whoever
        configures the sender (as an <code>Authorization: Bearer</code> header for STOW-RS). If it is lost,
        remove the node and add it again.
      </p>
      <div class="token-row">
        <label for="stow-token" class="visually-hidden">
          STOW-RS token for {props.node.name}
        </label>
        <textarea
          ref={tokenField}
          id="stow-token"
          class="token-value mono"
          rows={2}
          readOnly
          spellcheck={false}
          value={props.token}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button button-secondary" onClick={() => void copy()}>
          Copy token
        </button>
      </div>
      <p role="status" class="token-copied">
        <Show when={copied() === 'yes'}>Copied to the clipboard.</Show>
        <Show when={copied() === 'failed'}>Could not copy automatically: the token is selected, press Ctrl+C.</Show>
      </p>
      <button type="button" class="button button-quiet" onClick={() => props.onDismiss()}>
        I have copied it — hide the token
      </button>
    </section>
  );
}
