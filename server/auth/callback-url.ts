export const DEFAULT_AFTER_LOGIN = "/uebersicht";

/** Request header the proxy sets to the requested path, so a page can send the user back after login. */
export const PATH_HEADER = "x-askpro-path";

/**
 * Only a path on this site may be a post-login target: "/termine?x=1" passes; absolute URLs,
 * protocol-relative "//host", backslash tricks and the login page itself fall back to the overview.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || typeof value !== "string") return DEFAULT_AFTER_LOGIN;
  const candidate = value.trim();
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return DEFAULT_AFTER_LOGIN;
  // Control characters could smuggle a scheme past the checks above once a browser strips them.
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return DEFAULT_AFTER_LOGIN;
  let url: URL;
  try {
    url = new URL(candidate, "http://askproai.invalid");
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (url.origin !== "http://askproai.invalid") return DEFAULT_AFTER_LOGIN;
  // Check the normalised path too: "/.//evil.example" and "/a/..//evil.example" become "//evil.example",
  // which a browser reads as another host.
  if (url.pathname.startsWith("//") || url.pathname.includes("\\")) return DEFAULT_AFTER_LOGIN;
  if (url.pathname === "/" || url.pathname === "/login" || url.pathname.startsWith("/api/")) return DEFAULT_AFTER_LOGIN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?callbackUrl=<path>` for a page that needs a session. */
export function loginUrlFor(path: string): string {
  const target = safeCallbackPath(path);
  return target === DEFAULT_AFTER_LOGIN ? "/login" : `/login?callbackUrl=${encodeURIComponent(target)}`;
}
