import { createContext, createSignal, onCleanup, useContext, type JSX } from 'solid-js';

type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

const VISIBLE_FOR_MS = 10_000;

/**
 * One polite live region for the whole signed-in app: live folder changes and "more cases loaded"
 * are read out by screen readers and shown briefly for everyone else.
 */
export function LiveAnnouncer(props: { children: JSX.Element }) {
  const [message, setMessage] = createSignal('');
  let clearTimer: ReturnType<typeof setTimeout> | undefined;

  const announce: Announce = (next) => {
    clearTimeout(clearTimer);
    setMessage('');
    queueMicrotask(() => setMessage(next));
    clearTimer = setTimeout(() => setMessage(''), VISIBLE_FOR_MS);
  };
  onCleanup(() => clearTimeout(clearTimer));

  return (
    <AnnouncerContext.Provider value={announce}>
      <div class="live-announcer" role="status" aria-live="polite" aria-atomic="true">
        {message()}
      </div>
      {props.children}
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
