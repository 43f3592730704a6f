import type { RecordedEvent, Subscription } from './port';

interface TailingOptions {
  after: bigint | null;
  onEvent: (event: RecordedEvent) => Promise<void>;
  readAll: (after: bigint | null, limit: number) => Promise<RecordedEvent[]>;
  pollMs: number;
  /** Registers a callback fired on local appends; returns its un-registration. */
  onWake: (wake: () => void) => () => void;
}

/** Catches up from `after` in pages, then follows the log: woken at once by local appends, polling for others. */
export function startTailingSubscription(options: TailingOptions): Subscription {
  let position = options.after;
  let closed = false;
  let wakeUp: (() => void) | null = null;
  let appendedSinceRead = false;
  const unregister = options.onWake(() => {
    appendedSinceRead = true;
    wakeUp?.();
  });

  const loop = async () => {
    while (!closed) {
      appendedSinceRead = false;
      const page = await options.readAll(position, 500);
      for (const event of page) {
        if (closed) return;
        await options.onEvent(event);
        position = event.position;
      }
      if (page.length < 500 && !closed && !appendedSinceRead) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = null;
      }
    }
  };
  const running = loop().catch((error: unknown) => {
    if (!closed) console.error('event subscription stopped:', error);
  });

  return {
    async close() {
      closed = true;
      unregister();
      wakeUp?.();
      await running;
    },
  };
}
