/**
 * Structured logging through pino: one JSON object per line, levels, and redaction of anything secret
 * before a line is written. Secrets are removed three ways: by field name (`authorization`, `*token*`,
 * `*secret*`, `password`, ...), by shape inside any string (`Bearer …`, `redis://user:pass@`,
 * `confirmToken=…`), and by value (every secret the process knows is registered with
 * `registerSecret` and replaced wherever it appears, whatever the field).
 */
import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose lines also carry `bindings`. */
  child(bindings: LogFields): Logger;
  readonly level: LogLevel;
}

/** Where formatted lines go (one call per line, without the newline). */
export type LogSink = (line: string, level: Exclude<LogLevel, 'silent'>) => void;

export interface LoggerOptions {
  level?: LogLevel;
  /** Default: stdout, one line per record. */
  sink?: LogSink;
  /** Fields on every line (e.g. `{ service: 'oauth-admin' }`). */
  base?: LogFields;
  now?: () => Date;
}

export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets (or may hold one), matched case-insensitively. */
const SECRET_FIELD = /authorization|cookie|password|passwd|secret|token|confirm|private_?key|credential|api_?key|^refresh$|^jwt$/i;

const secrets = new Set<string>();

/**
 * Registers a value that must never appear in a log line (the admin and viewer tokens, the Redis
 * password, JWT keys). Short values are ignored: replacing them would mangle ordinary words.
 */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

/** Test helper: forget registered secrets. */
export function clearRegisteredSecrets(): void {
  secrets.clear();
}

/** Removes secret shapes and registered secret values from free text. */
export function redactText(text: string): string {
  return (
    withoutRegisteredSecrets(text)
      // Eight characters at least, so prose such as "bearer token not recognised" stays readable.
      .replace(/\b(Bearer|Basic)\s+[^\s"',;]{8,}/gi, `$1 ${REDACTED}`)
      // A service key (src/plugins/api-key-file.ts: `oak_` and 32 bytes base64url) wherever it appears.
      .replace(/\boak_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, REDACTED)
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@"']*):([^\s@/"']*)@/gi, `$1$2:${REDACTED}@`)
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@"']+)@/gi, `$1${REDACTED}@`)
      .replace(
        /\b((?:confirm_?token|access_?token|refresh_?token|client_?secret|registration_access_token|password|token)["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi,
        `$1${REDACTED}`,
      )
  );
}

/** Numbers and booleans under such names (`activeTokens: 5`) are counts and flags, and stay. */
function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/** A deep copy fit to log: secret fields replaced, strings redacted, errors flattened, depth bounded. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'function' || typeof value === 'symbol') return String(typeof value);
    return value;
  }
  if (depth > 6) return '[…]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const out: LogFields = { name: value.name, message: redactText(value.message) };
    const code = (value as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') out.code = code;
    if (value.stack) out.stack = redactText(value.stack);
    if (value.cause !== undefined) out.cause = redact(value.cause, depth + 1, seen);
    const original = (value as { originalError?: unknown }).originalError;
    if (original !== undefined && original !== null) out.originalError = redact(original, depth + 1, seen);
    return out;
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redact(v, depth + 1, seen));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  const out: LogFields = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretField(key) && v !== null && v !== undefined && typeof v !== 'number' && typeof v !== 'boolean' ? REDACTED : redact(v, depth + 1, seen);
  }
  return out;
}

/**
 * Every line every logger formats, at every level (even those below its level or `silent`), goes
 * to each tap: the test suite checks the whole run's output for secrets this way.
 */
const taps = new Set<(line: string) => void>();

export function addLogTap(tap: (line: string) => void): () => void {
  taps.add(tap);
  return () => taps.delete(tap);
}

const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * pino's own redaction, for the well-known places: cheap, compiled once. It matches fixed paths only,
 * so `redact()` (names by pattern at any depth, shapes, registered values) stays the filter that counts.
 */
const PINO_REDACT = ['authorization', 'cookie', 'password', '*.authorization', '*.cookie', '*.password', '*.headers.authorization', '*.headers.cookie'];

/** Registered secrets replaced, wherever they are (in a formatted line, a key included: the last pass). */
function withoutRegisteredSecrets(line: string): string {
  let out = line;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const sink = options.sink ?? stdoutSink;
  const now = options.now;
  // The level of the line being written when the sink takes it; null: the taps only.
  let writing: Exclude<LogLevel, 'silent'> | null = null;
  const destination = {
    write(chunk: string) {
      const lvl = writing;
      const line = withoutRegisteredSecrets(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
      for (const tap of taps) tap(line);
      if (lvl) sink(line, lvl);
    },
  };
  const root = pino(
    {
      // Every level is formatted (the taps see lines below `level`); `writing` decides what the sink gets.
      level: 'debug',
      base: options.base ?? {},
      timestamp: now ? () => `,"time":"${now().toISOString()}"` : pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redact(bindings) as LogFields,
        log: (fields) => redact(fields) as LogFields,
      },
      // `redact()` already turned errors into plain fields: pino's err serializer would reshape them.
      serializers: { err: (value: unknown) => value },
      redact: { paths: PINO_REDACT, censor: REDACTED },
    },
    destination,
  );
  const make = (instance: pino.Logger): Logger => {
    const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
      const enabled = RANK[lvl] >= RANK[level];
      if (!enabled && taps.size === 0) return;
      writing = enabled ? lvl : null;
      try {
        instance[lvl](fields ?? {}, redactText(msg));
      } finally {
        writing = null;
      }
    };
    return {
      level,
      debug: (msg, fields) => write('debug', msg, fields),
      info: (msg, fields) => write('info', msg, fields),
      warn: (msg, fields) => write('warn', msg, fields),
      error: (msg, fields) => write('error', msg, fields),
      // pino applies formatters.bindings to the root's base only, so a child's bindings are filtered here.
      child: (more) => make(instance.child(redact(more) as LogFields)),
    };
  };
  return make(root);
}

/** A logger that writes nothing (its lines still reach the taps). */
export const silentLogger: Logger = createLogger({ level: 'silent' });

/** Yoga's logger interface (`debug`/`info`/`warn`/`error` with any arguments), over ours. */
export function yogaLogger(logger: Logger): {
  debug(...a: unknown[]): void;
  info(...a: unknown[]): void;
  warn(...a: unknown[]): void;
  error(...a: unknown[]): void;
} {
  const adapt =
    (lvl: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        logger[lvl](first.message, { err: first, ...(rest.length ? { args: rest } : {}) });
      } else {
        logger[lvl](
          typeof first === 'string' ? first : 'graphql-yoga',
          rest.length || typeof first !== 'string' ? { args: typeof first === 'string' ? rest : args } : undefined,
        );
      }
    };
  return { debug: adapt('debug'), info: adapt('info'), warn: adapt('warn'), error: adapt('error') };
}
