// Secrets sealed with the key from WHAGO_ENCRYPTION_KEY.
import { env } from "~/env";
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./secret-box";

let cachedKey: Buffer | undefined;
function key(): Buffer {
  cachedKey ??= parseEncryptionKey(env.WHAGO_ENCRYPTION_KEY);
  return cachedKey;
}

export const seal = (plain: string) => encryptSecret(plain, key());
export const unseal = (sealed: string) => decryptSecret(sealed, key());
export { randomToken } from "./random";
