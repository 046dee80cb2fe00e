import { builder } from './builder.js';
import { badInput } from '../errors.js';

/** Timestamps leave as ISO 8601 in UTC; the gateway stores epoch seconds. */
builder.scalarType('DateTime', {
  description: 'A point in time, as an ISO 8601 string in UTC (e.g. `2026-11-26T15:34:26.000Z`).',
  serialize: (value) => (value instanceof Date ? value : new Date(value)).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw badInput('DateTime must be an ISO 8601 string');
    return date;
  },
});

/** Epoch seconds (as the gateway stores them) to a Date for the DateTime scalar. */
export function fromEpochSeconds(seconds: number | null | undefined): Date | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}
