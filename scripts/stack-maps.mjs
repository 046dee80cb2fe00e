// Source-mapped stack traces for the compiled CLI, paid for only when a stack trace is printed.
//
// `node --enable-source-maps` reads and parses the map of every module as it loads (several MB of
// JSON for the CLI's chunks), on every recipe, though a recipe prints a stack trace only when
// something crashes. The CLI turns Node's own source maps off and maps the frames in dist/
// itself, reading a chunk's map the first time one of its frames is formatted.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Frames in files under `dir` (a file: URL ending in `/`) are shown at their TypeScript source. */
export function mapStacksLazily(dir) {
  process.setSourceMapsEnabled(false);
  const prefix = dir.href;
  /** file: URL → { map, dir } or null when it has no readable map. */
  const maps = new Map();
  const mapOf = (url) => {
    if (!maps.has(url)) {
      let entry = null;
      try {
        const path = fileURLToPath(url);
        entry = { map: new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))), dir: dirname(path) };
      } catch {
        // No map (or an unreadable one): the frame stays as it is.
      }
      maps.set(url, entry);
    }
    return maps.get(url);
  };
  const frame = (site) => {
    const text = String(site);
    const url = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (typeof url !== 'string' || !url.startsWith(prefix) || !line || !column) return text;
    const found = mapOf(url);
    const entry = found?.map.findEntry(line - 1, column - 1);
    if (!entry?.originalSource) return text;
    const source = /^[a-z]+:/.test(entry.originalSource) ? entry.originalSource : resolve(found.dir, entry.originalSource);
    const generated = `${url}:${line}:${column}`;
    const at = text.lastIndexOf(generated);
    if (at < 0) return text;
    return `${text.slice(0, at)}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${text.slice(at + generated.length)}`;
  };
  Error.prepareStackTrace = (error, trace) => {
    let head;
    try {
      head = String(error);
    } catch {
      head = Object.prototype.toString.call(error);
    }
    return trace.length === 0 ? head : `${head}\n    at ${trace.map(frame).join('\n    at ')}`;
  };
}
