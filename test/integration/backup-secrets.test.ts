/**
 * Issue 14, item 1: a backup file with one malformed entry must never put that entry's key in an
 * error message when the key is itself a secret (refresh tokens, codes, states, sessions, unknown
 * keys). Every category, every way an entry can be malformed, every place a viewer can read
 * (queries, the job and its SSE stream, the audit trail) and what Redis and the logs keep.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogTap } from '../../src/logger.js';
import { scanKeys } from '../../src/redis/batch.js';
import { CATEGORIES } from '../../src/backups/format.js';
import { fingerprint } from '../../src/redis/fingerprint.js';
import { sampleFile } from '../helpers/backup.js';
import { ADMIN, type TestStore, VIEWER, openStore } from '../helpers/store.js';

interface Gql {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

async function gql(store: TestStore, query: string, variables: Record<string, unknown> = {}, token = VIEWER): Promise<Gql> {
  const response = await store.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Gql['body'], text };
}

/** Every event of a `jobProgress` stream over SSE, as text. */
async function followText(store: TestStore, id: string, token = VIEWER): Promise<string> {
  const response = await store.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription F($id: ID!) { jobProgress(id: $id) { id status error progress { phase } } }', variables: { id } }),
  });
  return response.text();
}

/** Ways to break one entry (each reaches a different check of the reader). */
const MALFORMED: Record<string, string> = {
  'not JSON': '{"value": "x" "ttl": -1}',
  'not an entry': '{"value": 5, "ttl": "soon", "type": "zset"}',
  'value does not fit its type': '{"value": "[1, 2", "ttl": -1, "type": "set"}',
};

const VIEWER_QUERIES = ['query { backups(first: 100) { edges { node { name parseError format counts { total } } } } }'];

const perBackup = (name: string) => [
  `query { backup(name: ${JSON.stringify(name)}) { name parseError format clients(first: 50) { totalCount edges { node { clientId parseError } } } tokens(first: 50) { totalCount edges { node { jti parseError } } } users { totalCount } } }`,
  `query { backup(name: ${JSON.stringify(name)}) { diff(limit: 1000) { truncated categories { category onlyInBackup } entries { category name fingerprint status } } } }`,
];

describe('a malformed entry in any category never names a secret key (issue 14, item 1)', () => {
  let store: TestStore;
  const logs: string[] = [];
  let untap: () => void;
  /** Client secrets inside the values of the files (never shown to a viewer, never in an error). */
  const secrets: string[] = [];
  const files: { name: string; category: string; id: string; kind: string }[] = [];

  beforeAll(async () => {
    store = await openStore();
    untap = addLogTap((line) => logs.push(line));
    const sample = JSON.parse(sampleFile().toString('utf8')) as Record<string, unknown>;
    let seq = 0;
    for (const category of CATEGORIES) {
      for (const [kind, raw] of Object.entries(MALFORMED)) {
        const id = `SeCrEt${randomBytes(24).toString('base64url')}`;
        const clientSecret = `client-secret-${randomBytes(16).toString('hex')}`;
        secrets.push(clientSecret);
        // The sample as the gateway wrote it, with one category holding one bad entry (and one
        // good entry whose value carries a client secret).
        const file: Record<string, unknown> = { ...sample };
        const members = { ...((file[category] as Record<string, unknown> | undefined) ?? {}) };
        const good = JSON.stringify({ value: JSON.stringify({ client_secret: clientSecret }), ttl: -1, type: 'string' });
        let text = JSON.stringify({ ...file, [category]: { ...members, 'good-entry': '__GOOD__', [id]: '__BAD__' } }, null, 2);
        text = text.replace('"__GOOD__"', good).replace('"__BAD__"', raw);
        const name = `oauth-backup-20260101-0000${String(seq++).padStart(2, '0')}.json`;
        writeFileSync(join(store.backupDir, name), text, { mode: 0o600 });
        files.push({ name, category, id, kind });
      }
    }
  });
  afterAll(async () => {
    untap();
    await store.close();
  });

  const secretIn = (text: string): string | null => secrets.find((s) => s.length > 0 && text.includes(s)) ?? null;
  const keyIn = (text: string): string | null =>
    files.find((f) => !['registrations', 'tokens', 'user_tokens'].includes(f.category) && text.includes(f.id))?.id ?? null;

  it('each file is refused, naming the category and, for secret names, a fingerprint', async () => {
    for (const f of files) {
      const answer = await gql(store, `query { backup(name: ${JSON.stringify(f.name)}) { parseError } }`);
      const parseError = answer.body.data?.backup?.parseError as string | null;
      expect(parseError, `${f.category} / ${f.kind}`).toBeTruthy();
      expect(parseError).toContain(f.category);
      if (['registrations', 'tokens', 'user_tokens'].includes(f.category)) expect(parseError).toContain(f.id);
      else {
        expect(parseError, `${f.category} / ${f.kind}: ${parseError}`).not.toContain(f.id);
        expect(parseError).toContain(fingerprint(f.id));
      }
    }
  });

  it("no secret key or value reaches anything a viewer can read, Redis' audit stream and job records, or a log line", async () => {
    const seen: string[] = [];
    for (const query of VIEWER_QUERIES) seen.push((await gql(store, query)).text);
    const jobIds: string[] = [];
    for (const f of files) {
      for (const query of perBackup(f.name)) seen.push((await gql(store, query)).text);
      // Dry runs by the viewer and by the admin (whose outcome the viewer reads afterwards).
      for (const token of [VIEWER, ADMIN]) {
        for (const mode of ['MERGE', 'REPLACE']) {
          const answer = await gql(
            store,
            'mutation R($name: String, $mode: RestoreMode) { restoreBackup(name: $name, mode: $mode, dryRun: true) { job { id status error } } }',
            { name: f.name, mode },
            token,
          );
          seen.push(answer.text);
          expect(answer.body.errors?.[0]?.extensions?.code, answer.text.slice(0, 300)).toBe('BAD_USER_INPUT');
        }
      }
    }
    const jobs = await gql(store, 'query { jobs(first: 500) { edges { node { id kind status error } } } }');
    seen.push(jobs.text);
    for (const edge of jobs.body.data.jobs.edges as { node: { id: string; kind: string } }[]) {
      if (edge.node.kind === 'RESTORE_BACKUP') jobIds.push(edge.node.id);
    }
    expect(jobIds.length).toBe(files.length * 4);
    for (const id of jobIds) {
      seen.push((await gql(store, 'query J($id: ID!) { job(id: $id) { error progress { phase } } }', { id })).text);
      seen.push(await followText(store, id));
    }
    const audit = await gql(store, 'query { auditLog(first: 500) { edges { node { action actor outcome target error } } } }');
    seen.push(audit.text);
    expect(
      (audit.body.data.auditLog.edges as { node: { error: string | null } }[]).filter((e) => e.node.error?.includes('fingerprint')).length,
    ).toBeGreaterThan(0);

    // What Redis keeps: the audit streams and the job records, raw.
    for await (const batch of scanKeys(store.redis, `${store.keys.prefixes.admin}*`)) {
      for (const key of batch) {
        const type = await store.redis.type(key);
        if (type === 'stream') seen.push(JSON.stringify(await store.redis.xrange(key, '-', '+')));
        else if (type === 'string') seen.push((await store.redis.get(key)) ?? '');
      }
    }
    for (const text of [...seen, ...logs]) {
      expect(keyIn(text), text.slice(0, 400)).toBeNull();
      expect(secretIn(text), text.slice(0, 400)).toBeNull();
    }
  });
});
