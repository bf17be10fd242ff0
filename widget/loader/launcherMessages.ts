import type { Locale } from "../../contract/limits.ts";

/** The loader's few strings, kept apart from the full catalogue so the loader stays tiny. */
export const launcherMessages: Record<
  Locale,
  { launcher: string; loadFailed: string; retry: string }
> = {
  en: { launcher: "Help", loadFailed: "Help could not be loaded.", retry: "Retry" },
  es: { launcher: "Ayuda", loadFailed: "No se pudo cargar la ayuda.", retry: "Reintentar" },
  pt: {
    launcher: "Ajuda",
    loadFailed: "Não foi possível carregar a ajuda.",
    retry: "Tentar de novo",
  },
};
