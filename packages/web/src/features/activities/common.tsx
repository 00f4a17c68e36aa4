import { Tag } from 'antd';
import {
  activityCategoryLabels,
  activityOrganiserTypeLabels,
  activityStateLabels,
  attendanceLabels,
  leaveStateLabels,
  type ActivityState,
  type AttendanceResult,
  type LeaveState,
} from '@cppcc/shared';
import { dateTimeText } from '../../components/columns';
import { options } from '../../components/schemaFields';
import { thisYear } from '../../app/timeZone';

const stateColors: Record<ActivityState, string> = {
  planned: 'default',
  published: 'blue',
  closed: 'green',
  cancelled: 'default',
};

export function ActivityStateTag({ state, label }: { state: ActivityState; label: string }) {
  return <Tag color={stateColors[state] ?? 'default'}>{label}</Tag>;
}

const attendanceColors: Record<AttendanceResult, string> = {
  present: 'green',
  late: 'gold',
  leftEarly: 'gold',
  leave: 'blue',
  absent: 'red',
};

export function AttendanceTag({ result, label }: { result: AttendanceResult | null; label?: string | null }) {
  if (!result) return null;
  return <Tag color={attendanceColors[result]}>{label ?? attendanceLabels[result]}</Tag>;
}

const leaveColors: Record<LeaveState, string> = {
  requested: 'orange',
  approved: 'blue',
  refused: 'red',
  withdrawn: 'default',
};

export function LeaveStateTag({ state, label }: { state: LeaveState; label?: string | null }) {
  return <Tag color={leaveColors[state]}>{label ?? leaveStateLabels[state]}</Tag>;
}

/** Select options of the activity vocabularies. */
export const activityStateOptions = options(activityStateLabels);
export const categoryOptions = options(activityCategoryLabels);
export const organiserTypeOptions = options(activityOrganiserTypeLabels);
export const attendanceOptions = options(attendanceLabels);
export const leaveStateOptions = options(leaveStateLabels);

/** The years a year filter offers: this one and the four before. */
export const yearOptions = () => {
  const now = thisYear();
  return Array.from({ length: 5 }, (_, i) => ({ value: String(now - i), label: `${now - i}年` }));
};

/** `2026-05-20 14:30–16:30`, or both full times when it spans days. */
export function timeRange(startsAt: string, endsAt: string): string {
  const start = dateTimeText(startsAt);
  const end = dateTimeText(endsAt);
  return start.slice(0, 10) === end.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} 至 ${end}`;
}

/** The sign-in time; its day too when it is not the activity's. */
export function signedInText(signedInAt: string, startsAt: string) {
  const at = dateTimeText(signedInAt);
  return at.slice(0, 10) === dateTimeText(startsAt).slice(0, 10) ? at.slice(11) : at;
}

/** A page address with a filter in its query, as the figures hand it over. */
export function withQuery(path: string, filter: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Parameters of the address as the API wants them: only `keys`, and only those given. */
export function addressParams(searchParams: URLSearchParams, keys: readonly string[]) {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = searchParams.get(key);
    if (value) out[key] = value;
  }
  return out;
}
