import { type GatewayEvent, type GatewayEventFilter, gatewayEvent, matches } from './event.js';

/**
 * One subscriber's side of the feed: the events its filter accepts, in a bounded buffer. When the
 * buffer is full (the subscriber reads more slowly than the gateway writes), further events are
 * counted, not queued; the subscriber then gets one LAGGED event with that count, in the place of
 * the events it missed, and the stream goes on.
 */
export class EventSubscriber {
  private readonly buffer: GatewayEvent[] = [];
  private missed = 0;
  private waiting: ((event: GatewayEvent | null) => void) | null = null;
  private ended = false;
  private failure: Error | null = null;

  constructor(
    private readonly filter: GatewayEventFilter,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Offers an event (ignored unless the filter accepts it). */
  push(event: GatewayEvent): void {
    if (this.ended || !matches(this.filter, event)) return;
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = null;
      wake(event);
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.missed += 1;
      return;
    }
    if (this.missed > 0) this.buffer.push(this.lagged());
    this.buffer.push(event);
  }

  /** Ends the stream: with `error`, the subscriber's next read fails with it. */
  end(error: Error | null = null): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    const wake = this.waiting;
    this.waiting = null;
    wake?.(null);
  }

  private lagged(): GatewayEvent {
    const missed = this.missed;
    this.missed = 0;
    return gatewayEvent('LAGGED', this.now(), { missed, detail: `this subscriber read too slowly: ${missed} events were dropped from its buffer` });
  }

  private next(): Promise<GatewayEvent | null> | GatewayEvent | null {
    const head = this.buffer.shift();
    if (head) return head;
    if (this.missed > 0) return this.lagged();
    if (this.ended) return null;
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The events until the end (or until the consumer stops reading: then `onClose` runs). */
  async *events(onClose: () => void): AsyncGenerator<GatewayEvent> {
    try {
      for (;;) {
        const event = await this.next();
        if (event === null) break;
        yield event;
      }
      if (this.failure) throw this.failure;
    } finally {
      this.ended = true;
      onClose();
    }
  }
}
