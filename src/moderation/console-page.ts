// The moderation console's HTML shell at GET /admin and /admin/* (the console routes itself
// in the browser). The page holds no data: admin.js (web/admin, built into dist/public) asks
// /api/v1/admin/me and renders. A strict CSP allows only this server's own script, styles
// and API; the console builds its DOM from text nodes, so nothing inline is needed.
import type { FastifyInstance, FastifyReply } from 'fastify';

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title>Colloquy · Moderation</title>
<link rel="icon" href="data:,">
<script src="/admin.js" defer></script>
</head>
<body>
<div id="colloquy-admin"><noscript><p>The moderation console needs JavaScript.</p></noscript></div>
</body>
</html>
`;

function send(reply: FastifyReply) {
  return reply
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CONSOLE_CSP)
    .header('X-Frame-Options', 'DENY')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .header('Cache-Control', 'no-store')
    .send(PAGE);
}

export async function consolePageRoutes(app: FastifyInstance): Promise<void> {
  const schema = { hide: true };
  app.get('/admin', { schema }, async (_request, reply) => send(reply));
  app.get('/admin/*', { schema }, async (_request, reply) => send(reply));
}
