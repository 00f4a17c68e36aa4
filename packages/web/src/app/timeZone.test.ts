import { afterEach, describe, expect, it } from 'vitest';
import { dateTimeInZone, dayText, setDisplayTimeZone } from './timeZone';

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
});
