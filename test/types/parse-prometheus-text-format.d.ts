declare module 'parse-prometheus-text-format' {
  /** One sample of a family: a value for counters and gauges; buckets, count and sum for histograms. */
  export interface PrometheusSample {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface PrometheusFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: PrometheusSample[];
  }
  /** Parses Prometheus text exposition format into metric families. */
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
