import { commonDigitGroups, commonPasswordWords, commonPasswords, keyboardRuns } from './common-passwords';

/**
 * Password policy: at least 8 characters, 3 of the 4 character classes, not containing the
 * username, and not a common password or an obvious pattern (a common word, repeated characters or
 * a keyboard or alphabet run, with digits and symbols around it).
 */
export const passwordMinLength = 8;

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

const passwords = new Set(commonPasswords);
const words = new Set(commonPasswordWords);
const digitGroups = new Set(commonDigitGroups);
const runs = keyboardRuns.flatMap((run) => [run, [...run].reverse().join('')]);

/** Leetspeak read back as letters; `1` may stand for `i` or `l`. */
function unleet(text: string, one: 'i' | 'l'): string {
  const letters: Record<string, string> = {
    '@': 'a',
    '4': 'a',
    '8': 'b',
    '3': 'e',
    '6': 'g',
    '9': 'g',
    '0': 'o',
    $: 's',
    '5': 's',
    '7': 't',
    '!': 'i',
    '|': 'l',
    '2': 'z',
    '1': one,
  };
  return text.replace(/[@483690$57!|21]/g, (c) => letters[c]!);
}

const isRun = (part: string) => part.length >= 2 && runs.some((run) => run.includes(part));
/** The same block of one to three characters over and over: `aaaa`, `abab`, `123123`. */
const isRepeat = (part: string) => /^(.{1,3})\1+$/.test(part) || part.length === 1;
const isYear = (part: string) => /^(19|20)\d\d$/.test(part);

/** A part of a password that adds nothing a guesser would not try. */
function isGuessablePart(part: string): boolean {
  if (!/[a-z0-9]/.test(part)) return true; // symbols between the parts
  if (/^[0-9]{1,2}$/.test(part)) return true;
  return (
    isRepeat(part) ||
    (part.length >= 3 && isRun(part)) ||
    words.has(part) ||
    digitGroups.has(part) ||
    isYear(part)
  );
}

/** A run of at least 6 that leaves at most two characters on each side: 1q2w3e4r!Q, Zxcvbnm,./1A. */
function isMostlyRun(text: string): boolean {
  for (let start = 0; start <= 2; start++)
    for (let end = text.length; end >= text.length - 2; end--)
      if (end - start >= 6 && isRun(text.slice(start, end))) return true;
  return false;
}

/** True for a common password or one built only of guessable parts. */
export function isWeakPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (passwords.has(lower)) return true;
  // A word in leetspeak with digits and symbols around it: P@ssw0rd, Adm1n#2024.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  for (const one of ['i', 'l'] as const) {
    if (words.has(unleet(core, one)) || words.has(unleet(lower, one).replace(/^[^a-z]+|[^a-z]+$/g, '')))
      return true;
  }
  // A run or repetition across character classes: 1q2w3e4r, 1qaz2wsx, Aa1!Aa1!.
  const alphanumeric = lower.replace(/[^a-z0-9]/g, '');
  if (isRepeat(alphanumeric) || isMostlyRun(alphanumeric) || isRepeat(lower) || isMostlyRun(lower))
    return true;
  // Few parts, each guessable: Qwer1234!, aaaaaaaaA1, Abc@2024, Welcome#520.
  const parts = lower.match(/[a-z]+|[0-9]+|[^a-z0-9]+/g) ?? [];
  return parts.length <= 4 && parts.every(isGuessablePart);
}

export interface PasswordContext {
  /** The account's username, when known: the password must not contain it. */
  username?: string;
}

/** Returns a Chinese explanation of what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < passwordMinLength) return `密码至少 ${passwordMinLength} 位`;
  if (passwordClasses(password) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username))
    return '密码不能包含用户名';
  if (isWeakPassword(password))
    return '密码过于常见或有规律（如常见单词、重复字符、键盘或数字顺序），请换一个不易猜到的密码';
  return null;
}
