import { DateTimeISOResolver } from 'graphql-scalars';
import { builder } from './builder.js';

/**
 * Timestamps leave as ISO 8601 in UTC (`toISOString()`, milliseconds and `Z`); the gateway stores epoch
 * seconds. DateTimeISO, not DateTime: graphql-scalars' DateTime serializes to a Date object, not a string.
 */
builder.addScalarType('DateTime', DateTimeISOResolver, {
  description: 'A point in time, as an ISO 8601 string in UTC (e.g. `2026-11-26T15:34:26.000Z`).',
});

/** Epoch seconds (as the gateway stores them) to a Date for the DateTime scalar. */
export function fromEpochSeconds(seconds: number | null | undefined): Date | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}
