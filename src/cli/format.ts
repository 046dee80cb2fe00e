/** Terminal output: tables that fit, the seed's stats box, progress bars. Nothing here talks to Redis. */

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Never shortened (ids: operators grep and copy them whole). */
  full?: boolean;
}

const width = (): number => (process.stdout.isTTY ? process.stdout.columns || 120 : 160);

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? text.slice(0, max) : `${text.slice(0, max - 1)}…`;
}

/** A plain table whose shortenable columns shrink until it fits the terminal. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row).replace(/[\r\n\t]+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  while (total() > width()) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (!c.full && (widest === -1 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
    });
    if (widest === -1 || (widths[widest] ?? 0) <= 8) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const line = (values: string[]) =>
    values
      .map((v, i) => shorten(v, widths[i] ?? 0).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function date(iso: string | null | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

export function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  const text = abs >= 86400 ? `${Math.floor(abs / 86400)}d ${Math.floor((abs % 86400) / 3600)}h` : abs >= 3600 ? `${Math.floor(abs / 3600)}h ${Math.floor((abs % 3600) / 60)}m` : `${Math.floor(abs / 60)}m ${abs % 60}s`;
  return seconds < 0 ? `-${text}` : text;
}

const RULE = '━'.repeat(37);

/** The seed's box, then the other counts under it. */
export function statsBox(s: Record<string, number>): string {
  return [
    '📊 OAuth Statistics:',
    RULE,
    `Client Registrations: ${s.registrations}`,
    `Active Tokens: ${s.activeTokens}`,
    `Expired Tokens: ${s.expiredTokens}`,
    `User Count: ${s.userCount}`,
    RULE,
    `Test registrations:       ${s.testRegistrations}`,
    `Corrupt registrations:    ${s.corruptRegistrations}`,
    `Corrupt tokens:           ${s.corruptTokens}`,
    `Orphan tokens:            ${s.orphanTokens}`,
    `Refresh tokens:           ${s.refreshTokens} (${s.expiredRefreshTokens} left over: no TTL, past their lifetime)`,
    `Auth states:              ${s.authStates} (${s.leftoverStates} leftover)`,
    `Auth codes:               ${s.authCodes} (${s.leftoverCodes} leftover)`,
    `User token indexes:       ${s.userIndexes} (${s.staleIndexEntries} stale entries)`,
    `Users with active tokens: ${s.usersWithActiveTokens}`,
  ].join('\n');
}

export interface Counts {
  clients: number;
  accessTokens: number;
  refreshTokens: number;
  authCodes: number;
  authStates: number;
  userIndexEntries: number;
  userIndexes: number;
}

export function countsLines(c: Counts): string {
  return [
    `  client registrations:  ${c.clients}`,
    `  access tokens:         ${c.accessTokens}`,
    `  refresh tokens:        ${c.refreshTokens}`,
    `  authorization codes:   ${c.authCodes}`,
    `  pending states:        ${c.authStates}`,
    `  user index entries:    ${c.userIndexEntries}`,
    `  user index keys:       ${c.userIndexes}`,
  ].join('\n');
}

/** A progress line: redrawn in place on a terminal, one line per phase otherwise. */
export class ProgressBar {
  private lastPhase = '';
  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(p: { phase: string; scanned: number; total?: number | null; matched: number; deleted: number }): void {
    if (this.stream.isTTY) {
      const fraction = p.total ? Math.min(1, p.scanned / p.total) : null;
      const bar = fraction === null ? '' : `[${'#'.repeat(Math.round(fraction * 20)).padEnd(20, '-')}] ${Math.round(fraction * 100)}% `;
      this.stream.write(`\r\x1b[K${bar}${p.phase}: scanned ${p.scanned}, matched ${p.matched}, done ${p.deleted}`);
    } else if (p.phase !== this.lastPhase) {
      this.stream.write(`… ${p.phase}\n`);
    }
    this.lastPhase = p.phase;
  }

  end(): void {
    if (this.stream.isTTY) this.stream.write('\r\x1b[K');
  }
}
