import { Match, Switch } from 'solid-js';
import { useSession } from '../session';

/** Tells the reader whether the lists on screen are updating by themselves. */
export function LiveConnectionStatus() {
  const { lightbox } = useSession();
  const state = () => lightbox().liveConnection();
  return (
    <p class="live-status" data-state={state()}>
      <span class="live-status-dot" aria-hidden="true" />
      <Switch fallback={<span>Live updates starting…</span>}>
        <Match when={state() === 'connected'}>
          <span>Live updates on</span>
        </Match>
        <Match when={state() === 'reconnecting'}>
          <span>Live updates paused — reconnecting…</span>
        </Match>
      </Switch>
    </p>
  );
}
