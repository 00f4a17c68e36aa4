/** Password policy: at least 8 characters and 3 of the 4 character classes. */
export const passwordMinLength = 8;

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Returns a Chinese explanation of what is wrong, or null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < passwordMinLength) return `密码至少 ${passwordMinLength} 位`;
  if (passwordClasses(password) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  return null;
}
