import { describe, expect, it } from 'vitest';
import { wordProblem } from './SearchDictionaryInput';
import { searchAddress } from '../search/TopBarSearch';

describe('the search dictionary box', () => {
  it('says why a typed word cannot be added, and nothing while it is empty or fine', () => {
    expect(wordProblem('', [])).toBeUndefined();
    expect(wordProblem('楼', [])).toBe('词语至少 2 个字');
    expect(wordProblem('楼小二!', [])).toBe('词语只能包含汉字、字母或数字');
    expect(wordProblem(' 楼小二 ', ['楼小二'])).toBe('“楼小二”已在词典中');
    expect(wordProblem('浙里办', ['楼小二'])).toBeUndefined();
  });
});

describe('the top bar search', () => {
  it('opens the search page for what was typed, not for spaces', () => {
    expect(searchAddress('  电梯 ')).toBe(`/search?q=${encodeURIComponent('电梯')}`);
    expect(searchAddress('   ')).toBeNull();
  });
});
