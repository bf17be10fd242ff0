/** The store named by STORE_URL cannot be used at start-up; the message says where and why. */
export class StoreOpenError extends Error {
  override readonly name = "StoreOpenError";
  constructor(
    readonly where: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The store at ${where} cannot be used: ${reason}. Check STORE_URL.`, options);
  }
}
