/**
 * Polls `probe` until it gives a truthy value (a probe that throws counts as not yet), and returns
 * that value; after `timeoutMs` it fails with "timed out waiting for <what>".
 */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 5000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
