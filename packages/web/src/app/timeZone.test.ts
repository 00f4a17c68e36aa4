import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateTimeInZone, dayText, setDisplayTimeZone, thisYear } from './timeZone';

describe('dates shown in the committee’s zone, not the browser’s', () => {
  afterEach(() => setDisplayTimeZone(undefined));
  const lateEvening = '2026-12-08T16:30:00.000Z';

  it('shows China’s day and time by default', () => {
    expect(dayText(lateEvening)).toBe('2026-12-09');
    expect(dateTimeInZone(lateEvening)).toBe('2026-12-09 00:30');
  });

  it('follows the zone the signed-in committee keeps, and shows nothing for no date', () => {
    setDisplayTimeZone('Asia/Urumqi');
    expect(dateTimeInZone(lateEvening)).toBe('2026-12-08 22:30');
    expect(dayText('2027-03-02')).toBe('2027-03-02');
    expect(dayText(null)).toBe('');
  });

  it('takes this year in the committee’s zone', () => {
    vi.useFakeTimers();
    try {
      // 01:00 on 1 January 2027 in Beijing is still 2026 in UTC.
      vi.setSystemTime(new Date('2026-12-31T17:00:00Z'));
      expect(thisYear()).toBe(2027);
      setDisplayTimeZone('UTC');
      expect(thisYear()).toBe(2026);
    } finally {
      vi.useRealTimers();
    }
  });
});
