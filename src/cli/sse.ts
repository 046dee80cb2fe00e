import type { ExecutionResult } from 'graphql';

/**
 * The results of a GraphQL-over-SSE response body, in order (`event: next` blocks). Returns true
 * at `event: complete`, false when the stream ends without it; a cut connection throws.
 */
export async function* sseResults(body: AsyncIterable<Uint8Array>): AsyncGenerator<ExecutionResult<never>, boolean> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (block.startsWith('event: complete')) return true;
      const data = block.split('\n').find((line) => line.startsWith('data:'));
      if (block.startsWith('event: next') && data) yield JSON.parse(data.slice(5)) as ExecutionResult<never>;
    }
  }
  return false;
}
