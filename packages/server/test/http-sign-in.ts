/** Session cookie and CSRF token of a user signed in over HTTP. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in over HTTP against a running server (no browser, no `app.inject`). */
export async function signInOverHttp(baseUrl: string, login: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('cppcc_sid='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
