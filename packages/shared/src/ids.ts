import { z } from 'zod';

/** Largest PostgreSQL `integer`; a larger number in an `integer` column fails in the database. */
export const maxInteger = 2_147_483_647;

/** Record ids are `serial`, so a larger number can name no record: refused as input (400). */
export const maxRecordId = maxInteger;

/** A record id in a JSON body. A missing one keeps zod's own message, which forms word as 请填写<label>. */
export const recordId = z
  .number({ error: (issue) => (issue.input === undefined || issue.input === null ? undefined : '应为编号') })
  .int('应为整数编号')
  .positive('编号应为正整数')
  .max(maxRecordId, '编号超出范围');

/** A record id in a path or query string. */
export const recordIdParam = z.coerce
  .number({ error: '编号应为数字' })
  .int('编号应为整数')
  .positive('编号应为正整数')
  .max(maxRecordId, '编号超出范围');

/** `/:id` route parameters. */
export const idParams = z.object({ id: recordIdParam }).strict();
