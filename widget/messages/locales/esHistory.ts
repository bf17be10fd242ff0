import type { HistoryMessages } from "../HistoryMessages.ts";

/** Spanish, addressing the user as "tú" (Latin American usage). */
export const esHistory: HistoryMessages = {
  heading: "Tus tickets",
  back: "Volver",
  loading: "Cargando tus tickets…",
  empty: "Todavía no enviaste ningún ticket. Los que envíes aparecerán aquí.",
  loadFailed: "No podemos mostrar tus tickets ahora. No se perdió nada; inténtalo en un momento.",
  showMore: "Mostrar más",
  sent: "Enviado {time}",
  files: "{count} archivos",
  pending: "Registrándose…",
  created: "Registrado",
  failed: "No registrado",
  sendAgain: "Enviar de nuevo",
  remove: "Quitar de la lista",
  confirmRemove: "¿Quitar «{summary}» de tu lista? El ticket en sí no se cancela.",
  confirmYes: "Quitar",
  confirmNo: "Conservar",
  removed: "Se quitó de tu lista.",
  removeFailed: "No se pudo quitar. Inténtalo en un momento.",
};
