import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

const weak = '密码过于常见或有规律（如常见单词、重复字符、键盘或数字顺序），请换一个不易猜到的密码';

describe('password policy', () => {
  it('refuses common passwords and their obvious patterns, whatever the case', () => {
    for (const password of [
      'Password1',
      'aaaaaaaaA1',
      'Admin@123',
      'Qwer1234!',
      'P@ssw0rd',
      'pASSW0RD!',
      'Passw0rd#2024',
      '1qaz@WSX',
      '1q2w3e4r!Q',
      'Abc@2024',
      'Aa@123456',
      'Qwe!@#123',
      'Welcome#520',
      'Woaini1314!',
      'Zhengxie@2024',
      'Cppcc#2025',
      'ABCabc123!',
      'Zxcvbnm,./1A',
      'Asdfgh!23',
    ])
      expect(passwordProblem(password), password).toBe(weak);
  });

  it('refuses a password that contains the username, case-insensitively', () => {
    expect(passwordProblem('Zhang.San#1987', { username: 'zhang.san' })).toBe('密码不能包含用户名');
    expect(passwordProblem('xx#LIAISON.staff9', { username: 'liaison.staff' })).toBe('密码不能包含用户名');
    expect(passwordProblem('Zhang.San#1987', { username: 'li.si' })).toBeNull();
  });

  it('keeps the length and character-class rules first', () => {
    expect(passwordProblem('Ab1!')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefgh')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  });

  it('accepts passwords that are not built of guessable parts', () => {
    for (const password of [
      'E2e#Demo2024',
      'New#Pass2025',
      'Better#Pass1',
      'Changed#Pass2024',
      'CoUnit#Pass2024',
      'Zx#19870512',
      'Liuyang@2023',
      'Tq7#mZ2p!kLw',
    ])
      expect(passwordProblem(password, { username: 'member1' }), password).toBeNull();
  });

  it('accepts every password the initial-password generator makes (10,000 samples)', () => {
    // The same alphabet as generateInitialPassword in the accounts module.
    const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];
    const all = classes.join('');
    for (let n = 0; n < 10_000; n++) {
      const chars = classes.map((set) => set[randomInt(set.length)]!);
      while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
      const password = chars.sort(() => randomInt(3) - 1).join('');
      expect(passwordProblem(password), password).toBeNull();
    }
  });
});
