import type { PublicConfig } from "./api.ts";
import { LOCALES } from "./limits.ts";

const LIMIT_KEYS = [
  "summaryMaxChars",
  "descriptionMaxChars",
  "maxFiles",
  "maxFileBytes",
  "maxTotalBytes",
] as const satisfies readonly (keyof PublicConfig["limits"])[];

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * True when `value` is a `GET /api/config` answer the widget can use: a boolean
 * `ticketsEnabled`, known locales, the five limits as non-negative whole numbers and the
 * extensions as strings. Properties a newer proxy adds are allowed.
 */
export function isPublicConfig(value: unknown): value is PublicConfig {
  if (typeof value !== "object" || value === null) return false;
  const { ticketsEnabled, locales, limits, allowedExtensions } = value as Record<string, unknown>;
  if (typeof ticketsEnabled !== "boolean" || !isStringArray(allowedExtensions)) return false;
  if (!isStringArray(locales) || !locales.every((l) => (LOCALES as readonly string[]).includes(l)))
    return false;
  if (typeof limits !== "object" || limits === null) return false;
  const numbers = limits as Record<string, unknown>;
  return LIMIT_KEYS.every((key) => {
    const limit = numbers[key];
    return typeof limit === "number" && Number.isSafeInteger(limit) && limit >= 0;
  });
}
