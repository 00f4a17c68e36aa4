import { describe, expect, it } from 'vitest';
import { diffSides, textDiff } from './textDiff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('textDiff', () => {
  it('finds nothing between equal texts', () => {
    expect(textDiff('关于加强农村饮水安全', '关于加强农村饮水安全')).toEqual([
      { kind: 'same', text: '关于加强农村饮水安全' },
    ]);
    expect(textDiff('', '')).toEqual([]);
  });

  it('marks inserted and deleted characters between shared runs', () => {
    expect(textDiff('建议尽快解决问题', '建议有关部门尽快解决')).toEqual([
      { kind: 'same', text: '建议' },
      { kind: 'ins', text: '有关部门' },
      { kind: 'same', text: '尽快解决' },
      { kind: 'del', text: '问题' },
    ]);
  });

  it('keeps both texts whole on their sides', () => {
    const before = '一、现状。\n二、问题：群众反映强烈。\n三、建议。';
    const after = '一、基本情况。\n二、存在问题：群众反映较多。\n三、建议。\n四、附记';
    const { before: left, after: right } = diffSides(textDiff(before, after));
    expect(join(left)).toBe(before);
    expect(join(right)).toBe(after);
    expect(left.some((p) => p.kind === 'del')).toBe(true);
    expect(right.some((p) => p.kind === 'ins')).toBe(true);
  });

  it('handles a text written anew or emptied', () => {
    expect(textDiff('', '新写')).toEqual([{ kind: 'ins', text: '新写' }]);
    expect(textDiff('删去', '')).toEqual([{ kind: 'del', text: '删去' }]);
  });

  it('compares long texts line by line', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `第${i}行内容，反映群众关切的问题。\n`);
    const before = lines.join('');
    const after = [...lines.slice(0, 200), '新增一行。\n', ...lines.slice(200)].join('');
    const parts = textDiff(before.repeat(1), after);
    expect(parts.filter((p) => p.kind === 'ins')).toEqual([{ kind: 'ins', text: '新增一行。\n' }]);
    expect(parts.some((p) => p.kind === 'del')).toBe(false);
  });
});
