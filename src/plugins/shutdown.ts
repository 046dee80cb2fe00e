import { type Plugin, isAsyncIterable } from 'graphql-yoga';

/**
 * The process's shutdown as the app sees it, in two steps: `begin()` refuses new requests (503,
 * `Connection: close`) and turns `/health` to `draining`; `closeStreams()`, once running jobs
 * have stopped and published their final state, ends every open subscription cleanly (the client
 * gets `complete`), so no stream holds the process open.
 */
export class ShutdownGate {
  private began = false;
  private readonly streams = new AbortController();
  private open = 0;
  private readonly idle = new Set<() => void>();

  get draining(): boolean {
    return this.began;
  }

  begin(): void {
    this.began = true;
  }

  closeStreams(): void {
    this.began = true;
    this.streams.abort();
  }

  /** Open subscriptions right now. */
  get openStreams(): number {
    return this.open;
  }

  /** Resolves once no subscription is open (jobs' followers end on the final state), or after `ms`. */
  settle(ms: number): Promise<void> {
    if (this.open === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      this.idle.add(done);
    });
  }

  /** `source` until it ends or the streams are closed, whichever comes first. */
  abortable<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
    const signal = this.streams.signal;
    // An async generator has no arrow form: it reaches the gate through a name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const gate = this;
    return (async function* () {
      gate.open += 1;
      const iterator = source[Symbol.asyncIterator]();
      let onAbort: (() => void) | null = null;
      const aborted = new Promise<'aborted'>((resolve) => {
        onAbort = () => resolve('aborted');
        if (signal.aborted) resolve('aborted');
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        while (true) {
          const next = await Promise.race([iterator.next(), aborted]);
          if (next === 'aborted' || next.done) return;
          yield next.value;
        }
      } finally {
        gate.open -= 1;
        if (gate.open === 0) for (const done of [...gate.idle]) done();
        if (onAbort) signal.removeEventListener('abort', onAbort);
        // Do not wait: the source may be parked on a Redis read that never comes back.
        void Promise.resolve(iterator.return?.()).catch(() => {});
      }
    })();
  }
}

/** Subscriptions end when the server begins to shut down, so no stream holds it open. */
export function useShutdownStreams(gate: ShutdownGate | undefined): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (gate && isAsyncIterable(result)) setResult(gate.abortable(result));
        },
      };
    },
  };
}
