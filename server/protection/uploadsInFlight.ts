import { ApiError } from "../http/apiError.ts";

/** Seconds a refused upload is told to wait: uploads in flight end within seconds or minutes. */
export const UPLOADS_BUSY_RETRY_AFTER_SECONDS = 10;

/** Counts the uploads this process is receiving or holding spooled. */
export interface UploadsInFlight {
  /**
   * Counts one more upload, or throws RATE_LIMITED (429, Retry-After) when `max` are in
   * flight already. Returns the function to call once its spool files are gone (idempotent).
   */
  enter(): () => void;
  /** How many are in flight now. */
  readonly count: number;
}

/**
 * MAX_UPLOADS_IN_FLIGHT: caps the sockets, spool bytes (each upload up to 51 MiB) and disk
 * writes one process gives to uploads at once, whoever sends them. The limit is checked
 * before the upload's slot is reserved and before a byte of it is read.
 */
export function createUploadsInFlight(max: number): UploadsInFlight {
  let count = 0;
  return {
    enter() {
      if (count >= max) {
        throw new ApiError(
          "RATE_LIMITED",
          "The help service is receiving too many uploads; send again in a moment.",
          { retryAfterSeconds: UPLOADS_BUSY_RETRY_AFTER_SECONDS },
        );
      }
      count += 1;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        count -= 1;
      };
    },
    get count() {
      return count;
    },
  };
}
