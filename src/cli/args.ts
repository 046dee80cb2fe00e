import { parseArgs } from 'node:util';

/** What a command takes besides `--json` and `--help`. */
export interface OptionSpec {
  type: 'boolean' | 'string';
  description: string;
  /** The placeholder a string option's value is shown as (`--note TEXT`). */
  valueName?: string;
  /** A string option that may be given more than once (`--redirect-uri A --redirect-uri B`). */
  multiple?: boolean;
}

export interface CommandSpec {
  summary: string;
  /** Positional arguments in order: `NAME` is required, `[NAME]` optional. */
  args?: readonly string[];
  options?: Readonly<Record<string, OptionSpec>>;
  /** Prints JSON with `--json` (every command that reports something). */
  json?: boolean;
  /** The justfile recipes that run it, with what each adds (`oauth-purge-expired-dry`: `--dry-run`). */
  recipes?: readonly string[];
}

export interface ParsedArgs {
  args: string[];
  /** The boolean options given (`json` among them). */
  flags: Set<string>;
  /** The string options given (the last one for a repeatable option). */
  values: Record<string, string>;
  /** Every value of each repeatable option given, in order. */
  lists: Record<string, string[]>;
}

/** A usage error: exit code 2, nothing done. */
export class UsageError extends Error {}

const HELP: OptionSpec = { type: 'boolean', description: 'show this help and do nothing else' };
const JSON_OPTION: OptionSpec = { type: 'boolean', description: 'print JSON a script can parse' };

function optionsOf(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, ...(spec.json === false ? {} : { json: JSON_OPTION }) };
}

/** True when `--help` or `-h` comes before any `--` (then nothing else is looked at). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The closest known option to a misspelt one, when it is close enough to be a typo. */
function suggestion(given: string, known: readonly string[]): string {
  const name = given.replace(/^-+/, '').split('=')[0] ?? '';
  const best = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(best.k.length / 3)) ? ` (did you mean --${best.k}?)` : '';
}

/**
 * Arguments the gateway draws from `secrets.token_urlsafe` (a jti from `token_urlsafe(16)`, an
 * authorization code from `token_urlsafe(32)`), and one in 64 of them starts with "-". One of
 * exactly that shape where the command takes such an argument is the argument, not a misspelt
 * option, so `just oauth-delete-token -Xy3…` and the printed `generate-github-token-complete CODE`
 * work as shown; anything else that starts with "-" still needs `--`.
 */
const RANDOM_ARGUMENT_SHAPES: Readonly<Record<string, RegExp>> = {
  JTI: /^-[\w-]{21}$/,
  CODE: /^-[\w-]{42}$/,
};

/** `argv` with the random-id arguments it holds (see above) moved behind a `--`. */
function randomIdsAsArguments(spec: CommandSpec, options: Record<string, OptionSpec>, argv: readonly string[]): readonly string[] {
  const shapes = (spec.args ?? []).flatMap((a) => RANDOM_ARGUMENT_SHAPES[a.replace(/[[\]]/g, '')] ?? []);
  if (shapes.length === 0) return argv;
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  const isId = (arg: string, i: number) => {
    const previous = head[i - 1];
    const valueOfPrevious = previous?.startsWith('--') === true && !previous.includes('=') && options[previous.slice(2)]?.type === 'string';
    return !valueOfPrevious && options[arg.replace(/^-+/, '')] === undefined && shapes.some((s) => s.test(arg));
  };
  const ids = head.filter(isId);
  if (ids.length === 0) return argv;
  return [...head.filter((a, i) => !isId(a, i)), '--', ...ids, ...(end < 0 ? [] : argv.slice(end + 1))];
}

/**
 * Parses a command's arguments strictly (`node:util` parseArgs): an unknown option, a value for a
 * flag, a missing string value, a missing or extra argument is a UsageError.
 */
export function parseCommandArgs(name: string, spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = optionsOf(spec);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...randomIdsAsArguments(spec, options, argv)],
      options: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { type: o.type, multiple: o.multiple === true }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const token = /'(-[^']*)'/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(
        `${name}: unknown option ${token}${suggestion(token, Object.keys(options))}; see --help (an argument that starts with "-" goes after --)`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = token.replace(/^-+/, '').split(/[= ]/)[0] ?? token;
      throw new UsageError(
        options[option]?.type === 'string'
          ? `${name}: --${option} needs a value (--${option} ${options[option]?.valueName ?? 'VALUE'})`
          : `${name}: --${option} takes no value`,
      );
    }
    throw new UsageError(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const wanted = spec.args ?? [];
  const required = wanted.filter((a) => !a.startsWith('['));
  const positionals = parsed.positionals;
  if (positionals.length < required.length) {
    throw new UsageError(`${name}: missing ${required.slice(positionals.length).join(' ')} (usage: ${usageLine(name, spec)})`);
  }
  if (positionals.length > wanted.length) {
    const extra = positionals
      .slice(wanted.length)
      .map((a) => JSON.stringify(a))
      .join(' ');
    throw new UsageError(`${name}: unexpected argument ${extra} (usage: ${usageLine(name, spec)})`);
  }
  const flags = new Set<string>();
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (value === true) flags.add(key);
    else if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) {
      lists[key] = value.filter((v): v is string => typeof v === 'string');
      const last = lists[key].at(-1);
      if (last !== undefined) values[key] = last;
    }
  }
  return { args: positionals, flags, values, lists };
}

function optionText(key: string, option: OptionSpec): string {
  if (option.type !== 'string') return `--${key}`;
  return `--${key} ${option.valueName ?? 'VALUE'}${option.multiple ? ' ...' : ''}`;
}

export function usageLine(name: string, spec: CommandSpec): string {
  const options = Object.entries(optionsOf(spec)).map(([k, o]) => `[${optionText(k, o)}]`);
  return ['oauth-admin', name, ...(spec.args ?? []), ...options].join(' ');
}

/** A command's help: how to call it (through just and directly), what it does, its options. */
export function commandHelp(name: string, spec: CommandSpec): string {
  const options: [string, string][] = [
    ...Object.entries(optionsOf(spec)).map(([k, o]): [string, string] => [optionText(k, o), o.description]),
    ['-h, --help', HELP.description],
  ];
  const width = Math.max(...options.map(([o]) => o.length));
  const lines = [`usage: ${usageLine(name, spec)}`];
  if (spec.recipes?.length) lines.push(`  just: ${spec.recipes.map((r) => `just ${r}`).join(', ')}`);
  lines.push('', `${spec.summary}.`, '', 'options:', ...options.map(([o, d]) => `  ${o.padEnd(width)}  ${d}`));
  return lines.join('\n');
}
