import { z } from 'astro/zod';

/**
 * A calendar date written as YYYY-MM-DD. YAML loaders disagree on whether a bare date becomes
 * a Date or a string, so both are accepted and normalised to a Date at midnight UTC.
 */
export const calendarDate = z
  .union([z.date(), z.string()], {
    error: 'expected a date written as YYYY-MM-DD',
  })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'is not a valid date; write it as YYYY-MM-DD' });
        return z.NEVER;
      }
      return value;
    }
    const match = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (!match || Number.isNaN(match.getTime()) || match.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a date; write it as YYYY-MM-DD (e.g. 2025-03-14)`,
      });
      return z.NEVER;
    }
    return match;
  });

/** The YYYY-MM-DD form of a schema date, used for ids, anchors and comparisons. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
