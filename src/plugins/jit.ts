import { useGraphQlJit } from '@envelop/graphql-jit';
import { BREAK, type DocumentNode, Kind, type OperationDefinitionNode, type GraphQLSchema, visit } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { DocumentCache } from './document-cache.js';

export interface JitOptions {
  /**
   * Run a query document with graphql-jit from its `after`-th use (default 2: a query sent once
   * never pays for compiling); null: always graphql-js.
   */
  after?: number | null;
  /** Counts the operations graphql-jit ran (tests and benches watch it). */
  counts?: { jit: number };
}

/**
 * Whether graphql-jit may compile the document: only when it holds no string literal (argument,
 * default value or directive argument; strings come in variables instead). graphql-jit 0.8 writes
 * literal argument values into the code it generates, then turns its own marker for a date inside
 * any string back into code (`"__MAGIC_DATE__…(anything)"` becomes `new Date(anything)`): a string
 * literal carrying that marker would run as code in this process. Names, numbers, booleans, enums
 * and input-object field names are checked against the schema by validation, so none can carry it.
 */
export function jitSafe(document: DocumentNode): boolean {
  let safe = true;
  visit(document, {
    StringValue() {
      safe = false;
      return BREAK;
    },
  });
  return safe;
}

/** The document's one operation when it is a query (the compiled code is kept per document, not per operation name). */
function soleQuery(document: DocumentNode): OperationDefinitionNode | null {
  let found: OperationDefinitionNode | null = null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (found) return null;
    found = definition;
  }
  return found?.operation === 'query' ? found : null;
}

/**
 * graphql-jit through `@envelop/graphql-jit`, for query documents with a single operation and no
 * string literal (see `jitSafe`), from their `after`-th use. A document graphql-jit cannot
 * compile runs with graphql-js. Compiled queries are kept by query text in a bounded cache.
 */
export function useJit(options: JitOptions = {}): Plugin {
  const after = options.after === undefined ? 2 : options.after;
  if (after === null) return {};
  const uses = new WeakMap<DocumentNode, number>();
  const compiled = new DocumentCache<CompiledQuery>(500, 1_000_000);
  const refused = new WeakSet<DocumentNode>();
  const compiles = (schema: GraphQLSchema, document: DocumentNode, source: string | undefined): boolean => {
    if (refused.has(document) || !source) return false;
    if (compiled.get(source)) return true;
    try {
      const made = compileQuery(schema, document);
      if (isCompiledQuery(made)) {
        compiled.set(source, made as CompiledQuery);
        return true;
      }
    } catch {
      // Falls through: graphql-js runs it.
    }
    refused.add(document);
    return false;
  };
  const sources = new WeakMap<DocumentNode, string>();
  return {
    onParse({ params }) {
      return ({ result }) => {
        if (result && !(result instanceof Error)) sources.set(result as DocumentNode, String(params.source));
      };
    },
    ...useGraphQlJit(
      {},
      {
        cache: { get: (source: string) => compiled.get(source), set: () => {} },
        enableIf(args) {
          const count = (uses.get(args.document) ?? 0) + 1;
          uses.set(args.document, count);
          if (count < after || !soleQuery(args.document) || !jitSafe(args.document)) return false;
          if (!compiles(args.schema, args.document, sources.get(args.document))) return false;
          if (options.counts) options.counts.jit += 1;
          return true;
        },
      },
    ),
  } as Plugin;
}
