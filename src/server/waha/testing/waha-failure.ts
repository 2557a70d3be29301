import { isWahaError, type WahaError } from "../errors";

/** The WahaError a call rejects with; anything else (or success) fails the test. */
export async function wahaFailure(promise: Promise<unknown>): Promise<WahaError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isWahaError(err)) throw new Error(`expected a WahaError, got ${String(err)}`);
  return err;
}
