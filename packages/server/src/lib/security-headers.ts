import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer (pages, static files, API JSON, errors).
 *
 * Scripts come only from our own origin: the Vite build emits external module files and no inline
 * script, and nothing may evaluate strings (`new Function`), which is why the web app runs zod
 * jitless.
 *
 * Styles allow 'unsafe-inline', deliberately. Ant Design's CSS-in-JS inserts `<style>` elements at
 * run time; it can stamp them with a nonce (`ConfigProvider csp={{ nonce }}`), but a nonce must be
 * fresh per response, so index.html would have to be rendered per request instead of served as the
 * built file, and the nonce passed into the app. Even then some components write `style`
 * attributes through `setAttribute('style', …)` (the auto-sized TextArea), and a nonce never covers
 * attributes: `style-src-attr 'unsafe-inline'` would still be needed. Injected CSS cannot run code;
 * the protection that matters against XSS — no inline or foreign script — is kept whole.
 *
 * Images and fonts may be data: or blob: URIs (antd's icons and empty states, upload previews).
 * No one may frame the app (`frame-ancestors 'none'`, and `X-Frame-Options` for older browsers).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * One year, without `includeSubDomains`: the platform often lives on one host of a committee's
 * domain whose other hosts are not ours to force onto HTTPS.
 */
export const strictTransportSecurity = 'max-age=31536000';

/**
 * Sets the security headers on every answer. HSTS only when the request arrived over HTTPS
 * (directly or through a trusted proxy): sent over plain HTTP it would be ignored, and a
 * development server on http://localhost must not pin itself to HTTPS.
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', contentSecurityPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (req.protocol === 'https') reply.header('strict-transport-security', strictTransportSecurity);
    return payload;
  });
}
