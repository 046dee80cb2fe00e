import { useGraphQlJit } from '@envelop/graphql-jit';
import { BREAK, type DocumentNode, Kind, type OperationDefinitionNode, type GraphQLSchema, visit } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

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
 * compile runs with graphql-js. What is decided is kept per document, which Yoga's bounded parser
 * cache hands back for the same query text (so it goes when the cache drops the document).
 */
export function useJit(options: JitOptions = {}): Plugin {
  const after = options.after === undefined ? 2 : options.after;
  if (after === null) return {};
  const uses = new WeakMap<DocumentNode, number>();
  // Whether graphql-jit runs a document: undecided (absent), refused, or compiled (the plugin compiles it again, once).
  const decided = new WeakMap<DocumentNode, boolean>();
  const compiles = (schema: GraphQLSchema, document: DocumentNode): boolean => {
    let ok = decided.get(document);
    if (ok !== undefined) return ok;
    ok = false;
    if (soleQuery(document) && jitSafe(document)) {
      try {
        ok = isCompiledQuery(compileQuery(schema, document));
      } catch {
        // graphql-js runs it.
      }
    }
    decided.set(document, ok);
    return ok;
  };
  return useGraphQlJit(
    {},
    {
      enableIf(args) {
        if (decided.get(args.document) === undefined) {
          const count = (uses.get(args.document) ?? 0) + 1;
          uses.set(args.document, count);
          if (count < after) return false;
        }
        if (!compiles(args.schema, args.document)) return false;
        if (options.counts) options.counts.jit += 1;
        return true;
      },
    },
  ) as Plugin;
}
