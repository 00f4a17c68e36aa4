import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { extendBody, unitOpinionBody, withdrawBody } from '@cppcc/shared';
import { bodyOf } from './schemaFields';

describe('bodyOf', () => {
  it('takes the fields of the body schema, drops emptied texts and fills defaults', () => {
    expect(bodyOf(unitOpinionBody, { text: '意见', contactPerson: ' ', extra: 1 }, 3)).toEqual({
      text: '意见',
      attachmentIds: [],
    });
  });

  it('adds the version the user saw and turns dates into YYYY-MM-DD', () => {
    expect(
      bodyOf(extendBody, { unitId: 5, deadline: dayjs('2027-03-01'), reason: '调研' }, 7, ['deadline']),
    ).toEqual({ unitId: 5, deadline: '2027-03-01', reason: '调研', version: 7 });
    expect(bodyOf(withdrawBody, {}, 2)).toEqual({ version: 2 });
  });
});
