/** Terminal output: tables that fit, the seed's stats box, progress bars. Nothing here talks to Redis. */
import type { DeletionCounts } from '../generated/graphql.js';

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

/** Column widths that fit `rows` (shortenable columns shrink until the table fits the terminal), and how to draw a line. */
function layout<T>(rows: readonly T[], columns: readonly Column<T>[]): { header: string[]; row: (r: T) => string } {
  const cellsOf = (row: T) => columns.map((c) => c.value(row).replace(/[\r\n\t]+/g, ' '));
  const cells = rows.map(cellsOf);
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
  return { header: [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))], row: (r) => line(cellsOf(r)) };
}

/** A plain table whose shortenable columns shrink until it fits the terminal. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const { header, row } = layout(rows, columns);
  return [...header, ...rows.map(row)].join('\n');
}

/**
 * A table written a page at a time, as the pages arrive: the widths fit the first page (and the
 * headers) and stay; a longer value in a later page is shortened, or, in a column never
 * shortened, shifts its own line only.
 */
export function tableWriter<T>(columns: readonly Column<T>[], out: (text: string) => void): { write(rows: readonly T[]): void; end(): void } {
  let draw: ((r: T) => string) | null = null;
  return {
    write(rows) {
      if (rows.length === 0) return;
      if (!draw) {
        const { header, row } = layout(rows, columns);
        out(header.join('\n'));
        draw = row;
      }
      out(rows.map(draw).join('\n'));
    },
    end() {
      if (!draw) out(table([], columns));
    },
  };
}

/**
 * A JSON array written item by item, byte for byte what `JSON.stringify(items, null, 2)` gives,
 * indented by `indent` when it is a member of an enclosing object (`open` then says its name).
 */
export function jsonArrayWriter(
  out: (text: string) => void,
  indent = '',
  open = '',
  closeSuffix = '',
): { write(items: readonly unknown[]): void; end(): void } {
  let held: string | null = null;
  let any = false;
  const item = (value: unknown) => `${indent}  ${JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}  `)}`;
  return {
    write(items) {
      if (items.length === 0) return;
      const lines: string[] = [];
      if (!any) lines.push(`${indent}${open}[`);
      any = true;
      for (const value of items) {
        if (held !== null) lines.push(`${held},`);
        held = item(value);
      }
      out(lines.join('\n'));
    },
    end() {
      out(any ? `${held}\n${indent}]${closeSuffix}` : `${indent}${open}[]${closeSuffix}`);
    },
  };
}

export function date(iso: string | null | undefined): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-';
}

export function duration(seconds: number): string {
  const abs = Math.abs(seconds);
  const text =
    abs >= 86400
      ? `${Math.floor(abs / 86400)}d ${Math.floor((abs % 86400) / 3600)}h`
      : abs >= 3600
        ? `${Math.floor(abs / 3600)}h ${Math.floor((abs % 3600) / 60)}m`
        : `${Math.floor(abs / 60)}m ${abs % 60}s`;
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

/** A deletion's counts as the API returns them (the schema's DeletionCounts). */
export type Counts = Omit<DeletionCounts, '__typename'>;

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
