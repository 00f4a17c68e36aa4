import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { zonedIso, zonedWall } from './time';

describe('activity times in the committee zone', () => {
  it('reads a picked wall-clock time in the zone, whatever the browser zone', () => {
    const picked = dayjs('2026-05-20 14:30');
    expect(zonedIso(picked, 'Asia/Shanghai')).toBe('2026-05-20T14:30:00+08:00');
    expect(zonedIso(picked, 'Asia/Urumqi')).toBe('2026-05-20T14:30:00+06:00');
    expect(Date.parse(zonedIso(picked, 'Asia/Shanghai'))).toBe(Date.parse('2026-05-20T06:30:00Z'));
  });

  it('shows an instant at its wall-clock time in the zone', () => {
    expect(zonedWall('2026-05-20T06:30:00Z', 'Asia/Shanghai').format('YYYY-MM-DD HH:mm')).toBe(
      '2026-05-20 14:30',
    );
    const back = zonedIso(zonedWall('2026-12-31T20:00:00Z', 'Asia/Shanghai'), 'Asia/Shanghai');
    expect(back).toBe('2027-01-01T04:00:00+08:00');
  });
});
