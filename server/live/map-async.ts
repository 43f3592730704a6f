/**
 * Maps an async iterator, dropping values the mapper turns into null. Unlike an async generator, `return()`
 * reaches the source immediately, so an ended subscription stops listening at once.
 */
export function mapAsync<T, U>(source: AsyncIterator<T>, map: (value: T) => Promise<U | null>): AsyncIterableIterator<U> {
  return {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return { value: undefined, done: true };
        const mapped = await map(result.value);
        if (mapped !== null) return { value: mapped, done: false };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
