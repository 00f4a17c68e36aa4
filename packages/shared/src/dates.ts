/**
 * Dates as a committee's people read them: in the committee's time zone (default China's), whatever
 * the server's or the browser's, and in one format everywhere: 2026-12-08, 2026-12-08 14:30.
 */
export const defaultTimeZone = 'Asia/Shanghai';

/** Time zones a committee may keep its dates in (China's, and Xinjiang's local time). */
export const timeZoneLabels = {
  'Asia/Shanghai': '北京时间（UTC+8）',
  'Asia/Urumqi': '新疆时间（UTC+6）',
} as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(date: Date, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return part as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** `2026-12-08`: the calendar day of an instant in the time zone. A bare `YYYY-MM-DD` stays as it is. */
export function formatDay(value: Date | string, timeZone: string = defaultTimeZone): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = partsIn(asDate(value), timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `2026-12-08 14:30` in the time zone. */
export function formatDateTime(value: Date | string, timeZone: string = defaultTimeZone): string {
  const p = partsIn(asDate(value), timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Zone names the runtime knew: a formatter is costly to build, and every settings read checks its zone. */
const knownTimeZones = new Set<string>();

/** Whether the runtime knows the zone by this IANA name. */
export function isTimeZone(name: string): boolean {
  if (knownTimeZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    // Only names that exist are kept, so the set stays as small as the zone database.
    knownTimeZones.add(name);
    return true;
  } catch {
    return false;
  }
}

/** The last second of a calendar day `YYYY-MM-DD` in the time zone, as an instant (a deadline "by that day"). */
export function zonedDayEnd(day: string, timeZone: string = defaultTimeZone): Date {
  const naive = new Date(`${day}T23:59:59Z`);
  const p = partsIn(naive, timeZone);
  const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, 59);
  // The zone's offset at that moment, taken back off the wall-clock time.
  return new Date(naive.getTime() - (shown - naive.getTime()));
}
