/** A sample as prom-client's registry formats it (`metricName` with the suffix, the labels, the value). */
export interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/** A request's outcome, as the `outcome` label says it (indexes into OUTCOMES). */
export const OUTCOMES = ['ok', 'error', 'refused', 'failed'] as const;
export const OK = 0;
export const ERROR = 1;
export const REFUSED = 2;
export const FAILED = 3;

/** Latency buckets, in seconds. */
export const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** What a GraphQL operation name must look like to become a label value (a GraphQL Name, bounded). */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** The label values that are never a caller's operation name. */
export const NO_OPERATION = 'none';
export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_OPERATION = 'other';

class Series {
  readonly buckets = new Float64Array(REQUEST_BUCKETS.length);
  count = 0;
  sum = 0;

  constructor(
    readonly operation: string,
    readonly outcome: string,
  ) {}
}

/** One operation's series, one per outcome, made when first seen. */
class Row {
  readonly series: (Series | null)[] = [null, null, null, null];

  constructor(readonly operation: string) {}
}

/**
 * `oauth_admin_graphql_request_duration_seconds{operation, outcome}`, kept in plain numbers so a
 * request costs one map lookup and a few additions (no label object, no closure, no string built);
 * prom-client formats it at scrape time (`get()`). Operation names are bounded: at most
 * `maxOperations` distinct ones, then `other`.
 */
export class RequestHistogram {
  readonly name = 'oauth_admin_graphql_request_duration_seconds';
  readonly help = 'GraphQL requests by operation name and outcome (ok, error, refused, failed), with their latency; _count is the request count.';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly rows = new Map<string, Row>();

  constructor(private readonly maxOperations: number) {}

  /** Counts one request. `operation` is a label value (see `operationLabel`); `outcome` one of OK..FAILED. */
  observe(operation: string, outcome: number, seconds: number): void {
    const row = this.rows.get(operation) ?? this.row(operation);
    const series = row.series[outcome] ?? this.series(row, outcome);
    series.count += 1;
    series.sum += seconds;
    let i = 0;
    while (i < REQUEST_BUCKETS.length && seconds > (REQUEST_BUCKETS[i] as number)) i++;
    if (i < REQUEST_BUCKETS.length) series.buckets[i] = (series.buckets[i] as number) + 1;
  }

  /** The label value for a caller's operation name: the name when it may be one, else `other`. */
  operationLabel(name: string | null): string {
    if (name === null) return ANONYMOUS_OPERATION;
    if (this.rows.has(name)) return name;
    // Names past the bound, and text that is no GraphQL name, share one series.
    return this.rows.size < this.maxOperations && OPERATION_NAME.test(name) ? name : OTHER_OPERATION;
  }

  private row(operation: string): Row {
    const row = new Row(operation);
    this.rows.set(operation, row);
    return row;
  }

  private series(row: Row, outcome: number): Series {
    const series = new Series(row.operation, OUTCOMES[outcome] ?? 'failed');
    row.series[outcome] = series;
    return series;
  }

  /** The samples, as prom-client's registry asks a metric for them at scrape time. */
  get(): { name: string; help: string; type: string; aggregator: string; values: Sample[] } {
    const values: Sample[] = [];
    for (const row of this.rows.values()) {
      for (const s of row.series) {
        if (!s) continue;
        const labels = { operation: s.operation, outcome: s.outcome };
        let cumulative = 0;
        REQUEST_BUCKETS.forEach((le, i) => {
          cumulative += s.buckets[i] as number;
          values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le }, value: cumulative });
        });
        values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: '+Inf' }, value: s.count });
        values.push({ metricName: `${this.name}_sum`, labels, value: s.sum });
        values.push({ metricName: `${this.name}_count`, labels, value: s.count });
      }
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}
