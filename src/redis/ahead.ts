/**
 * `source`'s items, each started (`start`) ahead of the caller: a producer keeps up to `depth`
 * started items in flight (SCAN pages, reads), so Redis works while this process works on the
 * item before. The one read-ahead of the services (sweeps, backups). When the caller stops (an
 * error, a cancel), the producer stops at its next step (the caller waits for that) and the items
 * it had started settle unawaited.
 */
export async function* ahead<S, T>(source: AsyncIterable<S>, start: (item: S) => Promise<T>, depth = 3): AsyncGenerator<T> {
  const state = { queue: [] as Promise<T>[], done: false, stopped: false, failure: null as unknown };
  const changed = new Signal();
  const producer = (async () => {
    try {
      for await (const item of source) {
        while (state.queue.length >= depth && !state.stopped) await changed.wait();
        if (state.stopped) return;
        const next = start(item);
        next.catch(() => {});
        state.queue.push(next);
        changed.notify();
      }
    } catch (error) {
      state.failure = error;
    } finally {
      state.done = true;
      changed.notify();
    }
  })();
  try {
    for (;;) {
      const next = state.queue.shift();
      if (!next) {
        if (state.done) break;
        await changed.wait();
        continue;
      }
      changed.notify();
      yield await next;
    }
    if (state.failure) throw state.failure;
  } finally {
    state.stopped = true;
    changed.notify();
    await producer;
  }
}

/** Wakes everyone waiting. */
class Signal {
  private waiters: (() => void)[] = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }
}
