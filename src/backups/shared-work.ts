import { AdminError } from '../errors.js';

/**
 * Expensive reads (a backup compared with the store, a whole backup file checked or read) run
 * here, so that callers cannot multiply them:
 *
 * - **shared**: callers asking for the same thing (same key) while it is queued or running get the
 *   one computation's result; six parallel `diff`s of a backup cost one;
 * - **bounded**: at most `concurrency` computations run at once; up to `maxQueued` more wait their
 *   turn; beyond that a caller is refused at once with UNAVAILABLE (503, Retry-After), instead of
 *   piling up work and memory;
 * - **cancelled**: each caller passes its request's AbortSignal; a caller that goes away stops
 *   waiting, and when no caller is left the computation's own signal aborts (the work checks it
 *   between batches) or, if it had not started, it leaves the queue.
 */
export class SharedWork {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running = 0;
  /** Computations started (not joined), and those stopped because every caller went away: for tests and benches. */
  started = 0;
  cancelled = 0;

  constructor(
    /** What the computations are, for the refusal's message ("comparisons of a backup with the store"). */
    private readonly what: string,
    private readonly concurrency: number,
    private readonly maxQueued: number,
  ) {}

  /** Computations queued or running now. */
  get pending(): number {
    return this.entries.size;
  }

  run<T>(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.running >= this.concurrency && this.queue.length >= this.maxQueued) {
        return Promise.reject(
          new AdminError(
            'UNAVAILABLE',
            `the service is busy with ${this.running + this.queue.length} ${this.what} already (at most ${this.concurrency} at once, ${this.maxQueued} waiting): try again shortly`,
            {
              http: { status: 503, headers: { 'retry-after': '5' } },
            },
          ),
        );
      }
      entry = this.create(key, work as (signal: AbortSignal) => Promise<unknown>);
    }
    const joined = entry;
    joined.callers += 1;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = () => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        joined.callers -= 1;
      };
      const onAbort = () => {
        if (settled) return;
        leave();
        reject(abortReason(signal!));
        if (joined.callers === 0) this.abandon(joined);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      joined.result.then(
        (value) => {
          if (settled) return;
          leave();
          resolve(value as T);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          reject(error);
        },
      );
    });
  }

  private create(key: string, work: (signal: AbortSignal) => Promise<unknown>): Entry {
    const controller = new AbortController();
    let start!: () => void;
    const turn = new Promise<void>((resolve) => {
      start = resolve;
    });
    const entry: Entry = {
      key,
      controller,
      callers: 0,
      started: false,
      start: () => {
        entry.started = true;
        this.running += 1;
        this.started += 1;
        start();
      },
      result: null as unknown as Promise<unknown>,
    };
    entry.result = turn
      .then(() => {
        if (controller.signal.aborted) throw abortReason(controller.signal);
        return work(controller.signal);
      })
      .finally(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        if (entry.started) {
          this.running -= 1;
          this.next();
        }
      });
    entry.result.catch(() => {});
    this.entries.set(key, entry);
    if (this.running < this.concurrency) entry.start();
    else this.queue.push(entry);
    return entry;
  }

  /** Nobody waits for it any more: stop it (running) or drop it (queued). */
  private abandon(entry: Entry): void {
    this.cancelled += 1;
    entry.controller.abort(new DOMException('every caller went away', 'AbortError'));
    // A new caller for the same thing starts afresh rather than joining the one being stopped.
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    if (!entry.started) {
      const at = this.queue.indexOf(entry);
      if (at >= 0) this.queue.splice(at, 1);
      // It never held a slot: let it settle (its `turn` never resolves), as aborted.
      entry.start = () => {};
    }
  }

  private next(): void {
    while (this.running < this.concurrency && this.queue.length > 0) this.queue.shift()!.start();
  }
}

interface Entry {
  key: string;
  controller: AbortController;
  callers: number;
  started: boolean;
  start: () => void;
  result: Promise<unknown>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('the request was cancelled', 'AbortError');
}

/** Throws the signal's reason when it has aborted: call between batches of long work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/**
 * Paces work done beside requests on the one event loop: after each slice of `sliceMs` (wall
 * time since the last rest) it rests `restRatio` times as long, so requests always find the loop
 * free part of the time instead of waiting behind a batch; and it stops at the slice boundary
 * when `signal` aborted.
 */
export class Pacer {
  private sliceStart = performance.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = 2,
    private readonly restRatio = 1,
  ) {}

  readonly pause = async (): Promise<void> => {
    const worked = performance.now() - this.sliceStart;
    if (worked >= this.sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, Math.max(1, Math.round(worked * this.restRatio))));
      this.sliceStart = performance.now();
    }
    throwIfAborted(this.signal);
  };
}
