import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminError } from '../../src/errors.js';
import { type JobDefinition, type JobInput, JobRefused, JobRunner } from '../../src/jobs/runner.js';
import { type TestStore, openStore } from '../helpers/store.js';

/** A job kind for the runner alone: its work is the test's. */
function kind(work: JobDefinition<JobInput & { target: string }, { phase: string; scanned: number }, { written: number }>['work'], lock: string | null = null) {
  const definition: JobDefinition<JobInput & { target: string }, { phase: string; scanned: number }, { written: number }> = {
    kind: 'CREATE_BACKUP',
    lock,
    audit: {
      action: () => 'testJob',
      describe: ({ target }, { result }) => ({
        target,
        counts: result
          ? { clients: result.written, accessTokens: 0, refreshTokens: 0, authCodes: 0, authStates: 0, userIndexEntries: 0, userIndexes: 0 }
          : null,
      }),
      notStarted: 'REFUSED',
    },
    show: (result) => ({ matched: result.written }),
    work,
  };
  return definition;
}

describe('the job runner: one lifecycle for every job kind', () => {
  let store: TestStore;
  let runner: JobRunner;
  let clock = 1_000_000;

  beforeEach(async () => {
    store = await openStore();
    clock = 1_000_000;
    runner = new JobRunner(store.redis, store.keys, store.services.events, store.services.audit, { now: () => clock, publishIntervalMs: 0 });
  });
  afterEach(async () => {
    await runner.drain();
    await store.close();
  });

  const entries = async () => (await store.services.audit.list()).filter((e) => e.action === 'testJob');

  it('runs the work with typed progress and its own clock, shows the result, and audits the success', async () => {
    const job = await runner.start(
      kind(async (input, ctx) => {
        await ctx.progress({ phase: 'working', scanned: 3 });
        clock += 500;
        expect(ctx.now()).toBe(1_000_500);
        return { written: 7 };
      }),
      { actor: 'tester', dryRun: false, target: 'thing' },
    );
    expect(job.createdAt).toBe(1_000_000);
    const final = await runner.wait(job.id);
    expect(final).toMatchObject({ status: 'SUCCEEDED', error: null, finishedAt: 1_000_500, progress: { phase: 'done', scanned: 3, matched: 7 } });
    expect(await entries()).toEqual([
      expect.objectContaining({
        outcome: 'SUCCEEDED',
        actor: 'tester',
        target: 'thing',
        jobId: job.id,
        error: null,
        counts: expect.objectContaining({ clients: 7 }),
      }),
    ]);
  });

  it('audits a failure, a refusal inside the work and a cancel, each with the job', async () => {
    const failed = await runner.start(
      kind(async () => {
        throw new Error('boom');
      }),
      { actor: 'tester', dryRun: true, target: 'a' },
    );
    expect(await runner.wait(failed.id)).toMatchObject({ status: 'FAILED', error: 'internal error: Error', progress: { phase: 'failed' } });

    const refused = await runner.start(
      kind(async () => {
        throw new JobRefused('that file is not usable');
      }),
      { actor: 'tester', dryRun: false, target: 'b' },
    );
    expect(await runner.wait(refused.id)).toMatchObject({ status: 'FAILED', error: 'that file is not usable' });

    let aborted = false;
    const cancelled = await runner.start(
      kind(async (_input, ctx) => {
        while (true) {
          await new Promise((r) => setTimeout(r, 20));
          try {
            await ctx.checkpoint();
          } finally {
            aborted = ctx.signal.aborted;
          }
        }
      }),
      { actor: 'tester', dryRun: false, target: 'c' },
    );
    await runner.cancel(cancelled.id);
    expect(await runner.wait(cancelled.id)).toMatchObject({ status: 'CANCELLED', error: null, progress: { phase: 'cancelled' } });
    expect(aborted).toBe(true);

    const byTarget = Object.fromEntries((await entries()).map((e) => [e.target, e]));
    expect(byTarget.a).toMatchObject({ outcome: 'FAILED', dryRun: true, jobId: failed.id, error: 'internal error: Error', counts: null });
    expect(byTarget.b).toMatchObject({ outcome: 'REFUSED', jobId: refused.id, error: 'that file is not usable' });
    expect(byTarget.c).toMatchObject({ outcome: 'CANCELLED', jobId: cancelled.id, error: null });
  });

  it('refuses a second job under a held lock, audited without a job', async () => {
    const lock = `test-${store.namespace}`;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = await runner.start(
      kind(async () => {
        await held;
        return { written: 0 };
      }, lock),
      { actor: 'tester', dryRun: false, target: 'first' },
    );
    const second = runner.start(
      kind(async () => ({ written: 0 }), lock),
      { actor: 'tester', dryRun: false, target: 'second' },
    );
    await expect(second).rejects.toThrow(AdminError);
    await expect(second).rejects.toThrow(`another ${lock} job is running (job ${first.id})`);
    release();
    expect(await runner.wait(first.id)).toMatchObject({ status: 'SUCCEEDED' });
    const refusal = (await entries()).find((e) => e.target === 'second');
    expect(refusal).toMatchObject({ outcome: 'REFUSED', jobId: null });
    expect(refusal?.error).toMatch(/^another .* job is running/);
  });
});
