// @ts-check
/**
 * Security headers for every page and API answer, set in next.config.js. Next's App Router
 * writes inline scripts for hydration, so scripts and styles allow 'unsafe-inline' (nothing
 * else is inline and nothing is loaded from other sites); development adds 'unsafe-eval' and
 * websockets for hot reload. Frames are refused everywhere; HSTS only in production, where
 * the app runs behind https.
 */

/** @param {{ production: boolean }} options */
function contentSecurityPolicy({ production }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "media-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * @param {{ production: boolean }} options
 * @returns {{ key: string, value: string }[]}
 */
function securityHeaders({ production }) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ production }) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

module.exports = { securityHeaders, contentSecurityPolicy };
