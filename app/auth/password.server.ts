import { hash, verify } from "@node-rs/argon2";

// Argon2id with the library's defaults (m=19456 KiB, t=2, p=1): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so that timing does not tell which e-mail
// addresses have an account.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash("actie-overleg-no-such-account");
  await verifyPassword(password, await dummyHash);
  return false;
}
