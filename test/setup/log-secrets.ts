import { afterAll } from 'vitest';
import { addLogTap } from '../../src/logger.js';

/**
 * Suite-wide: every line any logger formats during a test file (at every level, silent loggers
 * included) is checked for the suite's known secrets after the file; one found fails the file.
 */
const lines: string[] = [];
addLogTap((line) => {
  lines.push(line);
});

afterAll(async () => {
  // Imported late: loading the app here, before a test file's vi.mock() applies, would defeat its mocks.
  const { knownTestSecrets } = await import('../helpers/secrets.js');
  const secrets = knownTestSecrets();
  const leaks = lines.filter((line) => secrets.some((secret) => line.includes(secret)));
  const seen = lines.length;
  lines.length = 0;
  if (leaks.length > 0) {
    const preview = leaks[0]?.replace(new RegExp(secrets.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), '<SECRET>').slice(0, 300);
    throw new Error(`a known test secret appeared in ${leaks.length} of ${seen} log line(s) of this file; first (secret masked): ${preview}`);
  }
});
