import { ADMIN, JWT_SECRET, VIEWER, readSampleBackup } from './store.js';

let cached: string[] | null = null;

/**
 * Every secret the test suite knows: the bearer tokens, the JWT key, and the sample backup's
 * client secrets, registration access tokens, refresh-token values, authorization codes and states.
 * No log line of any test may contain one.
 */
export function knownTestSecrets(): string[] {
  if (cached) return cached;
  const file = readSampleBackup();
  const secrets = new Set<string>([ADMIN, VIEWER, JWT_SECRET]);
  for (const entry of Object.values(file.registrations ?? {})) {
    try {
      const record = JSON.parse(entry.value) as { client_secret?: unknown; registration_access_token?: unknown };
      if (typeof record.client_secret === 'string') secrets.add(record.client_secret);
      if (typeof record.registration_access_token === 'string') secrets.add(record.registration_access_token);
    } catch {
      // a corrupt sample record holds no secret
    }
  }
  for (const key of Object.keys(file.refresh_tokens ?? {})) secrets.add(key);
  for (const key of Object.keys(file.codes ?? {})) secrets.add(key);
  // CSRF states are secrets while they live (issue 14, item 11).
  for (const key of Object.keys(file.states ?? {})) secrets.add(key);
  cached = [...secrets].filter((s) => s.length >= 12);
  return cached;
}
