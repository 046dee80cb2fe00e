// A running oauth-admin (the image, or the compose stack) answers as it should:
//   node docker/smoke.mjs URL [--active N]
// with ADMIN_TOKEN in the environment. Waits for /health 200 (up to SMOKE_WAIT_SECONDS, default 120),
// then one GraphQL query (stats, indexStatus: waits until the indexes are ready, which needs the
// keyspace notifications of its Redis; with --active N, expects N active tokens) and one backup
// (createBackup: a file written in BACKUP_DIR). Prints one JSON line with what it saw; exit 1 with
// one line on the first thing that is wrong. Only talks to the URL given (loopback in CI).
const [url, ...rest] = process.argv.slice(2);
const token = process.env.ADMIN_TOKEN;
if (!url || !token) {
  console.error('usage: ADMIN_TOKEN=... node docker/smoke.mjs URL [--active N]');
  process.exit(2);
}
const activeIndex = rest.indexOf('--active');
const expectedActive = activeIndex >= 0 ? Number(rest[activeIndex + 1]) : undefined;
const waitMs = Number(process.env.SMOKE_WAIT_SECONDS ?? 120) * 1000;
const base = url.replace(/\/+$/, '');

const fail = (message) => {
  console.error(`smoke: FAILED: ${message}`);
  process.exit(1);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function graphql(query) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.json().catch(() => null);
  if (response.status !== 200 || !body || body.errors)
    fail(`${query.trim().split('\n')[0]} -> HTTP ${response.status} ${JSON.stringify(body?.errors ?? body)}`);
  return body.data;
}

const started = Date.now();
let health = null;
while (Date.now() - started < waitMs) {
  try {
    const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5_000) });
    health = { status: response.status, body: await response.text() };
    if (response.status === 200) break;
  } catch (error) {
    health = { error: error.cause?.code ?? error.message };
  }
  await sleep(500);
}
if (health?.status !== 200) fail(`/health did not answer 200 within ${waitMs / 1000} s (last: ${JSON.stringify(health)})`);
const healthMs = Date.now() - started;

let data = null;
while (Date.now() - started < waitMs) {
  data = await graphql('{ stats { activeTokens registrations } indexStatus { ready complete notifications notificationsProblem } }');
  if (data.indexStatus.ready) break;
  await sleep(500);
}
if (!data?.indexStatus.ready) fail(`indexStatus never ready: ${JSON.stringify(data?.indexStatus)}`);
if (expectedActive !== undefined && data.stats.activeTokens !== expectedActive)
  fail(`stats.activeTokens is ${data.stats.activeTokens}, expected ${expectedActive}`);

const { createBackup } = await graphql('mutation { createBackup(note: "smoke test") { name sizeBytes counts { tokens } } }');
if (!/^oauth-backup-\d{8}-\d{6}(-\d+)?\.json$/.test(createBackup.name) || !(createBackup.sizeBytes > 0))
  fail(`unexpected backup ${JSON.stringify(createBackup)}`);
if (expectedActive !== undefined && createBackup.counts?.tokens !== expectedActive)
  fail(`the backup holds ${createBackup.counts?.tokens} tokens, expected ${expectedActive}`);

console.log(JSON.stringify({ smoke: 'ok', url: base, healthAfterMs: healthMs, stats: data.stats, indexStatus: data.indexStatus, backup: createBackup }));
