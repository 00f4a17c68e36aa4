import { z } from 'zod';
import { maxInteger } from './ids';

/** Request fields every module's bodies are made of, each with its Chinese message. */

/** The version of a record the caller saw (optimistic lock); a write against another is a conflict. */
export const versionField = z.number().int().positive().max(maxInteger, '版本号超出范围').optional();

/** Required text of at most `max` characters, trimmed. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);

export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不超过 ${max} 个字`).optional();

/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = z
  .string({ error: '请选择日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
