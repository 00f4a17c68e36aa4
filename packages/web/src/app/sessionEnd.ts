/**
 * Set when a request finds the session gone while someone was signed in; the layout's redirect to the
 * login page reads it to show "登录已过期", and the next sign-in clears it.
 */
let ended = false;

export function markSessionEnded() {
  ended = true;
}

export function clearSessionEnded() {
  ended = false;
}

export const sessionEnded = () => ended;
