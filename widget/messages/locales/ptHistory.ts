import type { HistoryMessages } from "../HistoryMessages.ts";

/** Brazilian Portuguese. */
export const ptHistory: HistoryMessages = {
  heading: "Seus tickets",
  back: "Voltar",
  loading: "Carregando seus tickets…",
  empty: "Você ainda não enviou nenhum ticket. Os que você enviar aparecerão aqui.",
  loadFailed: "Não é possível mostrar seus tickets agora. Nada foi perdido; tente em um instante.",
  showMore: "Mostrar mais",
  sent: "Enviado {time}",
  files: "{count} arquivos",
  pending: "Sendo registrado…",
  created: "Registrado",
  failed: "Não registrado",
  sendAgain: "Enviar de novo",
  remove: "Remover da lista",
  confirmRemove: "Remover “{summary}” da sua lista? O ticket em si não é cancelado.",
  confirmYes: "Remover",
  confirmNo: "Manter",
  removed: "Removido da sua lista.",
  removeFailed: "Não foi possível remover. Tente em um instante.",
};
