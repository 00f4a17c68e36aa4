import { describe, expect, it } from 'vitest';
import { extendBody, memberInputSchema, namedItemInputSchema, rejectBody } from '@cppcc/shared';
import { zodRule } from './zodForm';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const check = (rule: ReturnType<typeof zodRule>, value: unknown) =>
  (rule as { validator: Validator }).validator({}, value);

describe('zodRule', () => {
  it('uses the Chinese message of the shared schema', async () => {
    await expect(check(zodRule(memberInputSchema, 'phone', '手机号'), '139000')).rejects.toThrow(
      '手机号应为 11 位数字',
    );
    await expect(
      check(zodRule(memberInputSchema, 'phone', '手机号'), '13900001111'),
    ).resolves.toBeUndefined();
  });

  it('treats an emptied input as missing and says so in Chinese', async () => {
    await expect(check(zodRule(namedItemInputSchema, 'name', '名称'), '')).rejects.toThrow('请填写名称');
    await expect(check(zodRule(memberInputSchema, 'sectorId', '界别'), null)).rejects.toThrow('请填写界别');
  });

  it('accepts what the schema accepts', async () => {
    await expect(
      check(zodRule(memberInputSchema, 'specialCommitteeIds', '专委会'), [1, 2]),
    ).resolves.toBeUndefined();
    await expect(
      check(zodRule(memberInputSchema, 'specialCommitteeIds', '专委会'), [1, 2, 3]),
    ).rejects.toThrow('专委会最多 2 个');
  });

  it('words an empty choice with `missing`, and leaves every other problem to the schema', async () => {
    const ground = zodRule(rejectBody, 'ground', '不予立案理由', undefined, '请选择不予立案理由');
    await expect(check(ground, undefined)).rejects.toThrow('请选择不予立案理由');
    await expect(check(ground, 'x'.repeat(101))).rejects.toThrow('不予立案理由类别不超过 100 个字');
    await expect(check(zodRule(extendBody, 'reason', '延期理由'), '')).rejects.toThrow('请填写延期理由');
  });
});
