import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLNamedType,
  Kind,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  getNamedType,
  isCompositeType,
  parse,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import { DEFAULT_PAGE_SIZE } from '../schema/pagination.js';

/**
 * What a field costs beyond the 1 every field costs, for fields whose work does not show in the
 * shape of the query: they read a whole backup file (and `diff` scans the store too). Counted
 * once per parent instance, like any field, so `backups(first: 10) { edges { node { diff } } } }`
 * costs ten diffs. With the default GRAPHQL_MAX_COST (100,000) a query may hold two diffs, and a
 * few dozen whole-file reads.
 */
export const EXPENSIVE_FIELDS: Readonly<Record<string, number>> = {
  'Backup.diff': 40_000,
  'Backup.users': 2_000,
  'Backup.clients': 1_000,
  'Backup.tokens': 1_000,
  'Backup.parseError': 100,
};

/** What a query may ask for. 0 turns a limit off. */
export interface QueryLimits {
  /** Nesting of selection sets (introspection's `__schema` is not counted). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in the document: bounds parsing and validation work. */
  maxTokens: number;
  /** Fields resolved, counting every list page through nesting (see `queryCost`). */
  maxCost: number;
  /** Allow `__schema` / `__type` (and with them GraphiQL's docs) and field suggestions in errors. */
  introspection: boolean;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 100_000,
  introspection: true,
};

/** The code a client sees on every refused query shape. */
export const LIMIT_CODE = 'QUERY_TOO_COMPLEX';

function limitError(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: LIMIT_CODE, http: { status: 400 }, ...details } });
}

/** armor's "Syntax Error: Query depth limit of 15 exceeded, found 16." in our words, with a code. */
function reportTo(setting: string) {
  return [
    (ctx: ValidationContext | null, error: GraphQLError) => {
      const text = error.message.replace(/^Syntax Error:\s*/, '').replace(/\.$/, '');
      ctx?.reportError(limitError(`query refused: ${text} (${setting})`));
    },
  ];
}

/** Refuses `__schema` and `__type` (not `__typename`) with a message saying how to turn them on. */
function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError('introspection is disabled on this server (NODE_ENV=production); set GRAPHQL_INTROSPECTION=true to enable it', {
            nodes: [node],
            extensions: { code: 'INTROSPECTION_DISABLED' },
          }),
        );
      }
    },
  };
}

function pageArgument(field: FieldNode, scope: CostScope): number | null {
  let page: number | null = null;
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    let value: unknown = null;
    if (arg.value.kind === Kind.INT) value = Number.parseInt(arg.value.value, 10);
    else if (arg.value.kind === Kind.VARIABLE) {
      scope.readVariables = true;
      value = scope.vars[arg.value.name.value];
    }
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) page = Math.max(page ?? 0, value);
  }
  return page;
}

/**
 * An upper bound on the fields a query resolves: every field counts once per parent instance,
 * and the `edges`/`nodes` beneath a connection count once per item of the page asked for
 * (`first`/`last`, from the query or its variables; 50 when neither is given). So
 * `clients(first: 500) { edges { node { tokens(first: 500) { edges { node { jti } } } } } }`
 * costs about 500 × 500 × 3, whatever the data holds today.
 */
export function queryCost(document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
  return costOf(document, operationName, variables).cost;
}

/** `queryCost`, and whether the variables took part in it (when not, the cost is the document's, whatever they hold). */
function costOf(document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): { cost: number; readVariables: boolean } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | null = null;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (operationName ? def.name?.value === operationName : operation === null)) operation = def;
  }
  if (!operation) return { cost: 0, readVariables: false };
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const scope: CostScope = { fragments, vars: variables ?? {}, readVariables: false };
  const cost = walkCost(scope, operation.selectionSet, 1, null, 0, root ?? null);
  return { cost, readVariables: scope.readVariables };
}

function composite(type: GraphQLNamedType | null | undefined): GraphQLCompositeType | null {
  return type && isCompositeType(type) ? type : null;
}

interface CostScope {
  fragments: Map<string, FragmentDefinitionNode>;
  vars: Record<string, unknown>;
  /** Set when a page size came from a variable. */
  readVariables: boolean;
}

/** `queryCost` of one selection set (module-level, so a request makes no closures for it). */
function walkCost(
  scope: CostScope,
  set: SelectionSetNode,
  multiplier: number,
  page: number | null,
  depth: number,
  parent: GraphQLCompositeType | null,
): number {
  // Fragment cycles are refused by validation before this runs; the depth guard is a backstop.
  if (depth > 64) return Number.POSITIVE_INFINITY;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const isPageList = name === 'edges' || name === 'nodes';
      const own = isPageList ? multiplier * (page ?? DEFAULT_PAGE_SIZE) : multiplier;
      cost += own * (1 + (parent ? (EXPENSIVE_FIELDS[`${parent.name}.${name}`] ?? 0) : 0));
      const field = parent && 'getFields' in parent ? parent.getFields()[name] : undefined;
      if (selection.selectionSet)
        cost += walkCost(scope, selection.selectionSet, own, pageArgument(selection, scope), depth + 1, composite(field ? getNamedType(field.type) : null));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const narrowed = selection.typeCondition ? composite(schema.getType(selection.typeCondition.name.value)) : parent;
      cost += walkCost(scope, selection.selectionSet, multiplier, page, depth + 1, narrowed);
    } else {
      const fragment = scope.fragments.get(selection.name.value);
      if (fragment) cost += walkCost(scope, fragment.selectionSet, multiplier, page, depth + 1, composite(schema.getType(fragment.typeCondition.name.value)));
    }
  }
  return cost;
}

/** What `useQueryLimits` enforces, as functions any path that runs a query can apply alike. */
export interface QueryGuards {
  readonly limits: QueryLimits;
  /** graphql-js `parse` with the token limit (a refusal is a `QUERY_TOO_COMPLEX` error). */
  parse(source: string, options?: ParseOptions): DocumentNode;
  /** The validation rules added to graphql-js's specified ones: depth, aliases, directives, introspection. */
  readonly rules: readonly ValidationRule[];
  /** The cost limit, once the variables are known: the refusal, or null. */
  checkCost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError | null;
}

/**
 * Depth, aliases and directives (graphql-armor rules, cached with the validation), tokens (in the
 * parser), cost (at execution, where the variables are known), introspection. Every refusal is a
 * GraphQL error with a code and the setting that governs it.
 */
export function queryGuards(limits: QueryLimits): QueryGuards {
  const rules = [
    limits.maxDepth > 0 && maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: reportTo('GRAPHQL_MAX_DEPTH') }),
    limits.maxAliases > 0 && maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: reportTo('GRAPHQL_MAX_ALIASES') }),
    limits.maxDirectives > 0 && maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: reportTo('GRAPHQL_MAX_DIRECTIVES') }),
    !limits.introspection && noIntrospectionRule,
  ].filter((r): r is ValidationRule => r !== false);

  // The cost of each document's operations whose cost no variable changes (most reads: the
  // page sizes are literals or absent), kept with the document as its validation is.
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  const costFor = (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number => {
    const known = fixedCosts.get(document)?.get(operationName ?? '');
    if (known !== undefined) return known;
    const { cost, readVariables } = costOf(document, operationName, variables);
    if (!readVariables) {
      const costs = fixedCosts.get(document) ?? new Map<string, number>();
      costs.set(operationName ?? '', cost);
      fixedCosts.set(document, costs);
    }
    return cost;
  };
  const checkCost = (
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError | null => {
    if (limits.maxCost <= 0) return null;
    const cost = costFor(document, operationName, variables);
    if (cost <= limits.maxCost) return null;
    return limitError(
      `query refused: it may resolve up to ${Number.isFinite(cost) ? Math.round(cost) : 'unbounded'} fields (list pages multiplied through nesting), over the limit of ${limits.maxCost} (GRAPHQL_MAX_COST); ask for smaller pages (first/last) or fewer nested lists`,
      { cost: Number.isFinite(cost) ? Math.round(cost) : null, maxCost: limits.maxCost },
    );
  };

  const limitedParse = (source: string, options?: ParseOptions): DocumentNode => {
    if (limits.maxTokens <= 0) return parse(source, options);
    try {
      return parse(source, { ...options, maxTokens: limits.maxTokens });
    } catch (error) {
      if (error instanceof GraphQLError && /contains more \w+ \d+ tokens/.test(error.message)) {
        throw limitError(`query refused: more than ${limits.maxTokens} tokens (GRAPHQL_MAX_TOKENS)`);
      }
      throw error;
    }
  };

  return { limits, parse: limitedParse, rules, checkCost };
}

/**
 * The guards as a Yoga plugin, plus field suggestions ("Did you mean …?") removed without
 * introspection, and the validation cache (Yoga's is off: it keys every request by the names of
 * all the rules, which costs more than validating from the cache saves here).
 */
export function useQueryLimits(guards: QueryGuards): Plugin {
  const { limits, rules, checkCost } = guards;
  // Each document's validation, kept with it (the app's rules never change; Yoga's parser cache
  // hands back the same document for the same text, and this goes when that cache drops it).
  const validated = new WeakMap<DocumentNode, readonly Error[]>();
  return {
    onParse({ setParseFn }) {
      if (limits.maxTokens > 0) setParseFn(guards.parse);
    },
    onValidate({ params, addValidationRule, setResult }) {
      const cached = validated.get(params.documentAST);
      if (cached) {
        setResult(cached);
        return;
      }
      for (const rule of rules) addValidationRule(rule);
      return ({ result, setResult: replace }) => {
        validated.set(params.documentAST, result);
        // "Did you mean …?" maps the schema for whoever guesses: not without introspection.
        if (limits.introspection || !result.some((e) => e.message.includes('Did you mean'))) return;
        const withoutSuggestions = result.map((e) =>
          e.message.includes('Did you mean') ? new GraphQLError(e.message.replace(/\s*Did you mean .*$/, ''), { nodes: e.nodes, extensions: e.extensions }) : e,
        );
        validated.set(params.documentAST, withoutSuggestions);
        replace(withoutSuggestions);
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = checkCost(args.document, args.operationName, args.variableValues as Record<string, unknown> | null | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = checkCost(args.document, args.operationName, args.variableValues as Record<string, unknown> | null | undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
