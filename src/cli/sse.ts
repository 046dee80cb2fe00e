import { type EventSourceMessage, createParser } from 'eventsource-parser';
import type { ExecutionResult } from 'graphql';

/**
 * The results of a GraphQL-over-SSE response body, in order (`event: next`). Returns true at
 * `event: complete`, false when the stream ends without it; a cut connection throws.
 */
export async function* sseResults(body: AsyncIterable<Uint8Array>): AsyncGenerator<ExecutionResult<never>, boolean> {
  const decoder = new TextDecoder();
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    for (const event of events.splice(0)) {
      if (event.event === 'complete') return true;
      if (event.event === 'next' && event.data) yield JSON.parse(event.data) as ExecutionResult<never>;
    }
  }
  return false;
}
