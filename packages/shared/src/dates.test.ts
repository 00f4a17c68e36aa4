import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, isTimeZone, zonedDayEnd } from './dates';

describe('dates in the committee’s time zone', () => {
  // 2026-12-08 16:30 UTC is already the 9th in Beijing, still the 8th in Xinjiang's UTC+6 at 22:30.
  const instant = new Date('2026-12-08T16:30:00Z');

  it('gives the day and time of an instant in the zone, in one format', () => {
    expect(formatDay(instant)).toBe('2026-12-09');
    expect(formatDateTime(instant)).toBe('2026-12-09 00:30');
    expect(formatDay(instant, 'Asia/Urumqi')).toBe('2026-12-08');
    expect(formatDateTime(instant.toISOString(), 'Asia/Urumqi')).toBe('2026-12-08 22:30');
  });

  it('keeps a calendar day as it is, and knows a zone from a made-up name', () => {
    expect(formatDay('2026-12-09', 'Asia/Urumqi')).toBe('2026-12-09');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('zonedDayEnd', () => {
  it('is the end of the day in the zone, not in UTC', () => {
    expect(zonedDayEnd('2026-12-08', 'Asia/Shanghai').toISOString()).toBe('2026-12-08T15:59:59.000Z');
    expect(zonedDayEnd('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-07-01T21:59:59.000Z');
    expect(zonedDayEnd('2026-12-08', 'UTC').toISOString()).toBe('2026-12-08T23:59:59.000Z');
  });
});
