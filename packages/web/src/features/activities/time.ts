import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime } from '@cppcc/shared';

/**
 * A date-time picker shows and returns the browser's wall clock; an activity's times are the
 * committee's. These two turn one into the other, so 14:30 picked means 14:30 in the committee's zone
 * even on a laptop set to another zone.
 */

/** The zone's offset from UTC at an instant, in minutes (+480 for Asia/Shanghai). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = formatDateTime(instant, timeZone);
  const asUtc = Date.parse(`${wall.replace(' ', 'T')}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock time of a picker, read in the zone, as an ISO string with the zone's offset. */
export function zonedIso(value: Dayjs, timeZone: string): string {
  const wall = value.format('YYYY-MM-DDTHH:mm');
  const guess = new Date(`${wall}:00Z`);
  // The offset at the guessed instant, checked once more at the instant it gives (a DST edge).
  let offset = offsetMinutes(guess, timeZone);
  offset = offsetMinutes(new Date(guess.getTime() - offset * 60_000), timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as the picker's value: its wall-clock time in the zone. */
export function zonedWall(iso: string, timeZone: string): Dayjs {
  // dayjs's own parser reads `YYYY-MM-DD HH:mm` as local wall-clock time.
  return dayjs(formatDateTime(iso, timeZone));
}
