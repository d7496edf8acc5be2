import { hashPassword } from "@/server/platform/password-hash";

// On globalThis: test files share worker processes and seed many times.
const g = globalThis as unknown as { __askproDemoHashes?: Map<string, Promise<string>> };

/**
 * The stored hash of a demo login's password, made once per process: the passwords are public
 * (README), and each bcrypt hash costs about a tenth of a second of CPU. Made before the seed's
 * transaction, so the transaction does not wait for it.
 */
function demoPasswordHash(password: string): Promise<string> {
  const made = (g.__askproDemoHashes ??= new Map());
  let hash = made.get(password);
  if (!hash) {
    hash = hashPassword(password);
    made.set(password, hash);
    hash.catch(() => made.delete(password));
  }
  return hash;
}

/** The users of a demo company with their password hashes. */
export async function withPasswordHashes<U extends { password: string }>(users: Record<string, U>): Promise<(U & { passwordHash: string })[]> {
  return Promise.all(Object.values(users).map(async (u) => ({ ...u, passwordHash: await demoPasswordHash(u.password) })));
}
