import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CommitteeSettings } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { activities, attachments } from '../../../db/schema';
import { AppError } from '../../../lib/errors';
import { outer } from '../../../lib/json-rows';
import { periodConditions } from '../../../lib/where';
import { kindsOf } from '../queries';
import { kindOf } from '../rules';

/** What suggestions, speeches and reading notes share: their activity, its scope and files. */

/** The activity a record is made for; it must be of the committee, and held or being held. */
export async function heldActivity(db: DbOrTx, committeeId: number, id: number, path = 'body.activityId') {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), eq(activities.committeeId, committeeId)));
  if (!row) throw new AppError('VALIDATION_FAILED', '活动不存在', { path });
  if (row.state === 'planned' || row.state === 'cancelled')
    throw new AppError(
      'INVALID_TRANSITION',
      `活动${row.state === 'planned' ? '尚未发布' : '已取消'}，不能登记`,
    );
  return row;
}

/** The activity-scope filters every outcome list shares (activity, year and kind of the activity). */
export function activityScopeConditions(
  query: { activityId?: number; year?: number; kind?: string; category?: string },
  settings: CommitteeSettings,
): (SQL | undefined)[] {
  return [
    query.activityId ? eq(activities.id, query.activityId) : undefined,
    query.kind ? eq(activities.kind, query.kind) : undefined,
    // As the activity list filters a category (its empty code keeps `in ()` valid for a category of no kinds).
    query.category ? inArray(activities.kind, [...kindsOf(settings, query.category), '']) : undefined,
    ...periodConditions(activities.startsAt, query, settings.timeZone),
  ];
}

/** The activity columns an outcome row is shown with. */
export const activityRefColumns = {
  activityTopic: activities.topic,
  activityKind: activities.kind,
  activityStartsAt: activities.startsAt,
};

export const presentActivityRef = (
  settings: CommitteeSettings,
  r: { activityId: number; activityTopic: string; activityKind: string; activityStartsAt: Date },
) => {
  const kind = kindOf(settings, r.activityKind);
  return {
    activityId: r.activityId,
    activityTopic: r.activityTopic,
    activityKindLabel: kind.label,
    activityCategory: kind.category,
    activityStartsAt: r.activityStartsAt.toISOString(),
  };
};

/** The files of an id array column, as `[{id, fileName, size}]`, read with the row. */
export const filesOf = (committeeId: AnyPgColumn, ids: AnyPgColumn) =>
  sql<
    { id: number; fileName: string; size: number }[]
  >`coalesce((select json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'size', f.size) order by f.id) from ${attachments} f where f.committee_id = ${outer(committeeId)} and f.id = any(${outer(ids)})), '[]'::json)`;
