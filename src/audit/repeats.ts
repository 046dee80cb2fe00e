/**
 * Aggregates repeats: the first occurrence of a kind (an address's failed logins, a token's 429s,
 * a viewer's refused mutation) in a window passes at once; further ones in that window are only
 * counted, and when the window ends one summary carries the count. So whoever repeats something
 * as fast as they can adds at most two records per window, however many requests they send.
 *
 * The kinds tracked at once are bounded: past `maxKeys`, new kinds share one overflow kind (its
 * sample is the first of them), so a caller with many addresses cannot grow this without limit.
 */
export class Repeats<T> {
  private readonly windows = new Map<string, { endsAt: number; sample: T; more: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly windowMs: number,
    private readonly onSummary: (sample: T, more: number, key: string) => void,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when this occurrence is the first of its kind in the window (record it); false when only counted. */
  take(key: string, sample: T): boolean {
    const now = this.now();
    let window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.close(key, window);
      window = undefined;
    }
    if (window) {
      window.more += 1;
      return false;
    }
    if (this.windows.size >= this.maxKeys) {
      const overflow = this.windows.get(OVERFLOW);
      if (overflow) overflow.more += 1;
      else this.windows.set(OVERFLOW, { endsAt: now + this.windowMs, sample, more: 0 });
      this.arm();
      return !overflow;
    }
    this.windows.set(key, { endsAt: now + this.windowMs, sample, more: 0 });
    this.arm();
    return true;
  }

  /** Ends the windows that are over (all of them with `all`), emitting their summaries. */
  flush(all = false): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (all || window.endsAt <= now) this.close(key, window);
    if (this.windows.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  get tracked(): number {
    return this.windows.size;
  }

  private close(key: string, window: { sample: T; more: number }): void {
    this.windows.delete(key);
    if (window.more > 0) this.onSummary(window.sample, window.more, key);
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.flush(), Math.max(50, Math.floor(this.windowMs / 2)));
    this.timer.unref();
  }
}

const OVERFLOW = '\u0000overflow';
