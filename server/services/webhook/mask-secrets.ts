/**
 * A stored webhook payload as the dashboard shows it: secrets hidden, everything else kept.
 * Staff need names and phone numbers to follow a call up, so personal data stays (unlike the
 * error reports of platform/error-scrub.ts); hidden are values under keys named like secrets
 * (api_key, client_secret, token, signature, password, authorization, …), values that look like
 * keys wherever they are (sk_live_…, whsec_…, Bearer …), and secret query parameters of links
 * (signed recording URLs).
 */

export const HIDDEN = "[verborgen]";

/** Compared without case, "_" and "-": "client_secret", "X-Api-Key", "accessToken" … */
function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, "");
  return (
    /secret|signature|password|passwd|authorization|credential|cookie/.test(k) ||
    k.endsWith("token") ||
    k.endsWith("key") ||
    k === "sig" ||
    k === "auth"
  );
}

const SECRET_VALUE = /^(?:(?:sk|rk)_(?:live|test)_|whsec_|key_[A-Za-z0-9]{8,}|Bearer\s|Basic\s)/i;

function maskString(value: string): string {
  if (SECRET_VALUE.test(value.trim())) return HIDDEN;
  if (!/^https?:\/\/\S+\?/i.test(value)) return value;
  try {
    const url = new URL(value);
    let changed = false;
    for (const name of [...url.searchParams.keys()]) {
      if (isSecretKey(name)) {
        url.searchParams.set(name, HIDDEN);
        changed = true;
      }
    }
    if (url.password) {
      url.password = HIDDEN;
      changed = true;
    }
    return changed ? url.toString() : value;
  } catch {
    return value;
  }
}

/** A deep copy of `value` with secrets replaced by HIDDEN. */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 20) return HIDDEN;
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = isSecretKey(key) && inner !== null && inner !== undefined && inner !== "" ? HIDDEN : maskSecrets(inner, depth + 1);
  }
  return out;
}
