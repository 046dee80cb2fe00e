/**
 * A backup's contents as the schema lists them: a page of one category in key order, and the
 * users the backup knows. Each read is shared by callers asking the same meanwhile, bounded and
 * cancellable (`work.files`).
 */
import type { FileHandle } from 'node:fs/promises';
import { type AccessTokenRecord, type ClientRecord, decodeAccessToken, decodeClient, decodeRefreshToken } from '../redis/codecs.js';
import type { BackupCatalog } from './catalog.js';
import type { Category } from './format.js';
import { pyCompare } from './pyjson.js';
import { type BackupSummary, type ReadEntry, readBackup } from './reader.js';
import { Pacer, type SharedWork } from './shared-work.js';
import type { BackupPage, BackupRecord, BackupUser } from './types.js';

type Decode<T> = (raw: string) => { record: T | null; parseError: string | null };

/**
 * The first `first` entries after `after` in key order, and whether there are more: entries come
 * in any order (the gateway's files are not sorted), the smallest `first + 1` are kept.
 */
class PagePicker {
  readonly picked: ReadEntry[] = [];
  count = 0;

  constructor(
    private readonly first: number,
    private readonly after: string | null,
  ) {}

  add(batch: ReadEntry[]): void {
    const { picked, first, after } = this;
    for (const e of batch) {
      this.count++;
      if (after !== null && pyCompare(e.id, after) <= 0) continue;
      if (picked.length > first && pyCompare(e.id, picked[picked.length - 1]!.id) >= 0) continue;
      let i = picked.length;
      while (i > 0 && pyCompare(picked[i - 1]!.id, e.id) > 0) i--;
      picked.splice(i, 0, e);
      if (picked.length > first + 1) picked.pop();
    }
  }

  get full(): boolean {
    return this.picked.length > this.first;
  }
}

function record<T>(e: ReadEntry, decode: Decode<T>): BackupRecord<T> {
  const raw = e.entry.type === 'string' && typeof e.items[0] === 'string' ? e.items[0] : null;
  const decoded = raw === null ? { record: null, parseError: `Redis ${e.entry.type}${e.entry.encoding ? ' (binary)' : ''}, expected a string` } : decode(raw);
  return { id: e.id, raw, record: decoded.record, parseError: decoded.parseError, expiresAtMs: e.expiresAtMs };
}

export class BackupContents {
  constructor(
    private readonly catalog: BackupCatalog,
    private readonly encryptionKey: string | undefined,
    private readonly files: SharedWork,
  ) {}

  /**
   * One page of a category, in key order: entries after `after`, at most `first`. Our files are
   * sorted, so the read stops once the page is full; the gateway's are read to the end.
   */
  async page<T>(
    name: string,
    category: Category,
    decode: Decode<T>,
    first: number,
    after: string | null,
    signal?: AbortSignal,
  ): Promise<BackupPage<BackupRecord<T>>> {
    const key = `page\u0000${name}\u0000${await this.catalog.signatureOf(name)}\u0000${category}\u0000${first}\u0000${after}`;
    return this.files.run(key, signal, (own) => this.readPage(name, category, decode, first, after, own));
  }

  private async readPage<T>(
    name: string,
    category: Category,
    decode: Decode<T>,
    first: number,
    after: string | null,
    signal: AbortSignal,
  ): Promise<BackupPage<BackupRecord<T>>> {
    return this.catalog.withFile(name, async (handle, head) => {
      const sorted = head.format === 'oauth-admin';
      const picker = new PagePicker(first, after);
      await this.read(handle, head, signal, new Set([category]), (batch) => {
        picker.add(batch);
        return sorted && picker.full ? 'stop' : undefined;
      });
      const totalCount = sorted ? head.counts[category] : picker.count;
      const items = picker.picked.slice(0, first).map((e) => record(e, decode));
      return { items, hasNextPage: picker.full, totalCount };
    });
  }

  clients(name: string, first: number, after: string | null, signal?: AbortSignal): Promise<BackupPage<BackupRecord<ClientRecord>>> {
    return this.page(name, 'registrations', decodeClient, first, after, signal);
  }

  tokens(name: string, first: number, after: string | null, signal?: AbortSignal): Promise<BackupPage<BackupRecord<AccessTokenRecord>>> {
    return this.page(name, 'tokens', decodeAccessToken, first, after, signal);
  }

  /** Users the backup knows (from access tokens, refresh tokens and user indexes), sorted. */
  async users(name: string, signal?: AbortSignal): Promise<BackupUser[]> {
    return this.files.run(`users\u0000${name}\u0000${await this.catalog.signatureOf(name)}`, signal, (own) => this.readUsers(name, own));
  }

  private async readUsers(name: string, signal: AbortSignal): Promise<BackupUser[]> {
    return this.catalog.withFile(name, async (handle, head) => {
      const users = new Map<string, BackupUser>();
      const user = (username: string) => {
        let u = users.get(username);
        if (!u) users.set(username, (u = { username, tokens: 0, indexedTokens: 0, refreshTokens: 0 }));
        return u;
      };
      await this.read(handle, head, signal, new Set<Category>(['tokens', 'refresh_tokens', 'user_tokens']), (batch) => {
        for (const e of batch) {
          const raw = typeof e.items[0] === 'string' ? e.items[0] : null;
          if (e.category === 'user_tokens') user(e.id).indexedTokens += e.entry.type === 'string' ? 0 : e.items.length;
          else if (raw !== null && e.entry.type === 'string') {
            const username = (e.category === 'tokens' ? decodeAccessToken(raw) : decodeRefreshToken(raw)).record?.username;
            if (username != null) user(username)[e.category === 'tokens' ? 'tokens' : 'refreshTokens'] += 1;
          }
        }
      });
      return [...users.values()].sort((a, b) => pyCompare(a.username, b.username));
    });
  }

  /** Reads the file's entries of `categories` beside requests (paced, stopped when `signal` aborts). */
  private async read(
    handle: FileHandle,
    head: BackupSummary,
    signal: AbortSignal,
    categories: ReadonlySet<Category>,
    onEntries: (batch: ReadEntry[]) => 'stop' | undefined | void,
  ): Promise<void> {
    await readBackup(handle, { encryptionKey: this.encryptionKey, fileTimeMs: head.timestampMs, categories, pause: new Pacer(signal).pause, onEntries });
  }
}
