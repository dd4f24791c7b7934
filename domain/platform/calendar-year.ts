import * as z from 'zod/mini';

/**
 * CAL-2: a year's holiday schedule as the platform operator loaded it from the State Council's notice, with
 * who loaded it and when. It replaces a built-in or provisional year (domain/kernel/calendar); a reload
 * replaces it again at the next version.
 */
export const loadedYearSchema = z.object({
  year: z.number().check(z.meta({ description: 'The calendar year' })),
  holidays: z.array(z.string()).check(z.meta({ description: 'Rest days (法定节假日 and days taken off), YYYY-MM-DD, sorted' })),
  adjustedWorkdays: z.array(z.string()).check(z.meta({ description: 'Weekend days made working days (调休上班), YYYY-MM-DD, sorted' })),
  source: z.literal('loaded'),
  loadedAt: z.string().check(z.meta({ description: 'When the operator loaded it (ISO 8601, UTC)' })),
  loadedBy: z.string().check(z.meta({ description: 'The user id of the operator who loaded it' })),
  version: z.number(),
});

export type LoadedYear = Readonly<z.output<typeof loadedYearSchema>>;

/** One year the working-day calendar knows: shipped with the platform, or loaded by the operator. */
export const calendarYearSchema = z.discriminatedUnion('source', [
  z.object({ year: z.number(), source: z.literal('builtin') }),
  z.object({
    year: z.number(),
    source: z.literal('loaded'),
    loadedAt: z.string(),
    loadedBy: z.string(),
    version: z.number(),
  }),
]);

export type CalendarYear = z.output<typeof calendarYearSchema>;
