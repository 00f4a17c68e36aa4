import { defaultTimeZone, formatDateTime, formatDay } from '@cppcc/shared';

/**
 * The zone dates are shown in: the signed-in user's committee's (from `/api/auth/me`), never the
 * browser's, so a member abroad or a browser set to UTC sees the dates the committee means.
 */
let displayZone = defaultTimeZone;

export const setDisplayTimeZone = (timeZone: string | undefined) => {
  displayZone = timeZone ?? defaultTimeZone;
};

/** `2026-12-08` of an instant or a calendar day; empty for nothing. */
export const dayText = (value: unknown) => (value ? formatDay(String(value), displayZone) : '');

/** `2026-12-08 14:30` of an instant; empty for nothing. */
export const dateTimeInZone = (value: unknown) => (value ? formatDateTime(String(value), displayZone) : '');

/** The year it is now in the committee's zone (on 31 December evening in Beijing, a UTC browser is a year behind). */
export const thisYear = () => Number(formatDay(new Date(), displayZone).slice(0, 4));
