import bcrypt from "bcryptjs";

/** bcrypt cost of every stored password hash (the seed, the login's dummy hash and new passwords alike). */
export const PASSWORD_HASH_COST = 10;

/** The hash stored in User.passwordHash. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_COST);
}

/** Whether `password` is the one `hash` was made from. */
export function passwordMatches(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
