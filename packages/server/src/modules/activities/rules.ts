import { createHmac } from 'node:crypto';
import {
  activityKindLabelFallback,
  formatDateTime,
  signInCodeGraceSeconds,
  signInCodeLength,
  signInCodePeriodSeconds,
  type ActivityKind,
  type CommitteeSettings,
} from '@cppcc/shared';
import { AppError } from '../../lib/errors';
import type { ActivityRow } from './workflow';

/** The committee's rules of an activity: its kind, sign-in window, leave deadline and rotating code. */

export function kindOf(settings: CommitteeSettings, code: string): ActivityKind {
  return (
    settings.activityKinds.find((k) => k.code === code) ?? {
      // A kind removed from the setting after activities of it were held keeps its records readable.
      code,
      label: activityKindLabelFallback,
      category: 'meeting',
      tracksAttendance: true,
      yields: 'activity.attended',
      defaultInvitees: 'none',
    }
  );
}

export function requireKind(settings: CommitteeSettings, code: string): ActivityKind {
  const kind = settings.activityKinds.find((k) => k.code === code);
  if (!kind)
    throw new AppError('VALIDATION_FAILED', `活动类型“${code}”不在本会设置的活动类型中`, { path: 'kind' });
  return kind;
}

const minutes = (n: number) => n * 60_000;

export const signInWindow = (a: Pick<ActivityRow, 'startsAt'>, s: CommitteeSettings, now = new Date()) => {
  const opensAt = new Date(a.startsAt.getTime() - minutes(s.signInOpensMinutesBefore));
  const closesAt = new Date(a.startsAt.getTime() + minutes(s.signInClosesMinutesAfter));
  return { opensAt, closesAt, open: now >= opensAt && now <= closesAt };
};

export const leaveDeadline = (a: Pick<ActivityRow, 'startsAt'>, s: CommitteeSettings) =>
  new Date(a.startsAt.getTime() - s.leaveNoticeHours * 3_600_000);

/** Signed in after the start plus the committee's grace is 迟到. */
export const isLate = (a: Pick<ActivityRow, 'startsAt'>, s: CommitteeSettings, at: Date) =>
  at.getTime() > a.startsAt.getTime() + minutes(s.lateAfterMinutes);

const periodMs = signInCodePeriodSeconds * 1000;
const slotOf = (at: Date) => Math.floor(at.getTime() / periodMs);

function codeOfSlot(secret: string, activityId: number, slot: number) {
  const digest = createHmac('sha256', secret).update(`${activityId}:${slot}`).digest();
  return String(digest.readUInt32BE(0) % 10 ** signInCodeLength).padStart(signInCodeLength, '0');
}

/** The code shown now and when it changes. */
export function currentSignInCode(a: Pick<ActivityRow, 'id' | 'signInSecret'>, now = new Date()) {
  const slot = slotOf(now);
  return { code: codeOfSlot(a.signInSecret, a.id, slot), expiresAt: new Date((slot + 1) * periodMs) };
}

/** The code shown now, or the one before it within the grace of its change (typed as it changed). */
export function acceptsSignInCode(
  a: Pick<ActivityRow, 'id' | 'signInSecret'>,
  code: string,
  now = new Date(),
) {
  const slot = slotOf(now);
  if (code === codeOfSlot(a.signInSecret, a.id, slot)) return true;
  const sinceChange = now.getTime() - slot * periodMs;
  return sinceChange <= signInCodeGraceSeconds * 1000 && code === codeOfSlot(a.signInSecret, a.id, slot - 1);
}

export const windowText = (w: { opensAt: Date; closesAt: Date }, timeZone: string) =>
  `${formatDateTime(w.opensAt, timeZone)} 至 ${formatDateTime(w.closesAt, timeZone)}`;
