/**
 * Whether Retell can reach an address of ours from the internet: APP_URL must be set, use https
 * and name a public host. Loopback, private networks (10/8, 172.16/12, 192.168/16, link-local),
 * `.local` and single-label names only work inside the salon's or the server's own network.
 */

const HINT = "Tragen Sie die öffentliche Adresse in APP_URL ein (z. B. https://termine.ihr-salon.de) und starten Sie AskProAI neu.";

/** Null when Retell can reach `appUrl`; otherwise why not and what to do, in German. */
export function publicAddressProblem(appUrl: string | null | undefined): string | null {
  if (!appUrl?.trim()) return `Retell kann diese Adresse nicht erreichen: APP_URL ist nicht gesetzt, die Adresse zeigt auf diesen Rechner (localhost). ${HINT}`;
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return `Retell kann diese Adresse nicht erreichen: APP_URL („${appUrl}“) ist keine gültige Adresse. ${HINT}`;
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (isInternalHost(host)) {
    return `Retell kann diese Adresse nicht erreichen: ${host} ist nur im eigenen Netz erreichbar, nicht aus dem Internet. ${HINT}`;
  }
  if (url.protocol !== "https:") {
    return `Retell kann diese Adresse nicht erreichen: Sie ist nicht verschlüsselt (${url.protocol.replace(":", "")} statt https). Tragen Sie die öffentliche https-Adresse in APP_URL ein und starten Sie AskProAI neu.`;
  }
  return null;
}

function isInternalHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return true;
  const v4 = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(":")) return host === "::1" || host === "::" || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  // A name without a dot ("server", "app") resolves only inside a local network.
  return !host.includes(".");
}
