import type { Locale } from "../../contract/limits.ts";
import type { Messages } from "../messages/Messages.ts";

/**
 * The loader's few strings, copied from the catalogue so the loader stays tiny (the
 * catalogue is the source; test/widget/loader keeps this copy equal to it).
 */
export const launcherMessages: Record<
  Locale,
  Pick<Messages, "launcher" | "loadFailed" | "retry">
> = {
  en: { launcher: "Help", loadFailed: "Help could not be loaded.", retry: "Retry" },
  es: { launcher: "Ayuda", loadFailed: "No se pudo cargar la ayuda.", retry: "Reintentar" },
  pt: {
    launcher: "Ajuda",
    loadFailed: "Não foi possível carregar a ajuda.",
    retry: "Tentar novamente",
  },
};
