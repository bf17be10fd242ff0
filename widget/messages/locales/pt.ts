import type { Messages } from "../Messages.ts";

/** Portuguese as written in Brazil (pt-BR). */
export const pt: Messages = {
  launcher: "Ajuda",
  launcherRecording: "Ajuda — gravando",
  dialogTitle: "Fale com o suporte",
  yourTickets: "Seus tickets",
  intro: "Conte o que deu errado e abriremos um chamado com a equipe de suporte.",
  close: "Fechar",

  summaryLabel: "Resumo",
  summaryHint: "Uma linha sobre o problema.",
  descriptionLabel: "Descrição",
  descriptionHint: "O que você fez, o que esperava e o que aconteceu no lugar?",
  counter: "{count} / {max}",

  attachmentsLabel: "Anexos",
  attachmentsHint:
    "Opcional. Tipos: {types}. Até {maxFiles} arquivos, {maxFileSize} cada, {maxTotalSize} no total.",
  dropzoneText: "Solte aqui capturas de tela ou vídeos, cole-os ou clique para escolher arquivos.",
  dropzoneActive: "Solte para anexar os arquivos.",
  totals: "{count} de {maxFiles} arquivos · {size} de {maxTotalSize}",
  removeFile: "Remover {name}",
  dismissFile: "Descartar {name}",
  fileNotAttached: "Não anexado: {reason}",
  fileAttached: "{name} anexado.",
  fileRefused: "{name} não foi anexado: {reason}",
  fileReasons: {
    FILE_TYPE_NOT_ALLOWED: "este tipo de arquivo não é aceito",
    FILE_TOO_LARGE: "o arquivo passa de {maxFileSize}",
    FILE_CONTENT_MISMATCH: "o conteúdo não corresponde ao tipo",
    TOO_MANY_FILES: "só é possível anexar {maxFiles} arquivos",
    ATTACHMENTS_TOO_LARGE: "todos os arquivos juntos passariam de {maxTotalSize}",
  },
  takeScreenshot: "Capturar tela",
  recordScreen: "Gravar tela",
  details: {
    title: "Detalhes técnicos",
    include: "Incluir detalhes técnicos",
    hint: "Enviados com o seu ticket para que a equipe de suporte veja onde o problema aconteceu. Lidos quando você toca em Enviar; remova o que preferir não compartilhar.",
    excluded: "Nenhum detalhe técnico será enviado.",
    empty: "Você removeu todos os itens: nenhum detalhe técnico será enviado.",
    remove: "Remover {name}",
    removed: "Item removido: {name}.",
    items: {
      page: "Página",
      browser: "Navegador",
      os: "Sistema operacional",
      viewport: "Tamanho da janela",
      language: "Idioma",
      timeZone: "Fuso horário",
      widget: "Versão do widget",
    },
  },

  send: "Enviar",
  sending: "Enviando…",
  sendingWaiting: "Enviado. Aguardando confirmação…",
  uploadLabel: "Progresso do envio",
  cancel: "Cancelar",
  cancelled: "O envio foi cancelado. Seu texto e seus arquivos continuam aqui.",
  retry: "Tentar novamente",
  loadFailed: "Não foi possível carregar a ajuda.",
  resumeNeedsFiles:
    "A página foi recarregada e seus arquivos não foram mantidos. Adicione-os de novo e envie.",

  statusPending: "Estamos registrando seu chamado…",
  statusPendingDetail: "Isso costuma levar alguns segundos. Você pode fechar esta janela.",
  statusCreated: "Seu chamado foi registrado.",
  issueKeyLabel: "Número do chamado",
  emailNote:
    "A equipe de suporte da Ripio vai responder por e-mail para o endereço cadastrado na sua conta. As respostas não chegam por esta janela.",
  statusFailed: "Não conseguimos registrar seu chamado.",
  statusFailedDetail: "Nada foi registrado. Você pode enviar a mesma mensagem de novo.",
  statusTrouble: "Estamos com problemas para consultar seu chamado. Continuamos tentando…",
  tryAgain: "Tentar de novo",
  sendAnother: "Enviar outro",
  copy: "Copiar",
  copied: "Copiado",

  networkError: "Não conseguimos falar com o servidor. Verifique sua conexão e tente de novo.",
  errors: {
    SUMMARY_REQUIRED: "Escreva um resumo curto.",
    DESCRIPTION_REQUIRED: "Descreva o que aconteceu.",
    SUMMARY_TOO_LONG:
      "O resumo está longo demais. Encurte-o até o contador ficar dentro do limite.",
    DESCRIPTION_TOO_LONG:
      "A descrição está longa demais. Encurte-a até o contador ficar dentro do limite.",
    TOO_MANY_FILES: "Há arquivos demais anexados. Remova alguns e envie de novo.",
    FILE_TYPE_NOT_ALLOWED:
      "Este tipo de arquivo não pode ser anexado. Use imagens, vídeos ou arquivos PDF.",
    FILE_CONTENT_MISMATCH:
      "O conteúdo de um arquivo não corresponde ao tipo. Remova-o ou anexe o arquivo original.",
    FILE_TOO_LARGE: "Um arquivo é grande demais. Remova-o ou anexe um menor.",
    ATTACHMENTS_TOO_LARGE:
      "Os arquivos juntos são grandes demais. Remova um ou mais e envie de novo.",
    MALFORMED_REQUEST: "O servidor não conseguiu ler seu chamado. Tente de novo.",
    IDENTITY_REQUIRED: "Não conseguimos identificar você. Entre de novo na sua conta e envie.",
    IDENTITY_INVALID: "Sua sessão não é válida. Entre de novo na sua conta e envie.",
    IDENTITY_EXPIRED: "Sua sessão expirou. Recarregue a página ou entre de novo e envie.",
    ORIGIN_NOT_ALLOWED:
      "Este site não tem permissão para enviar chamados de suporte. Avise o responsável pelo site.",
    TICKETS_DISABLED:
      "Os chamados de suporte ainda não estão disponíveis para esta conta. Por enquanto, use os outros canais de contato do site; sua mensagem fica guardada aqui.",
    CUSTOMER_NOT_FOUND:
      "Não encontramos sua conta de cliente. Saia e entre de novo, ou use os outros canais de contato do site.",
    CUSTOMER_EMAIL_MISSING:
      "Sua conta não tem e-mail, e o suporte responde por e-mail. Cadastre um e-mail nas configurações da sua conta e envie de novo.",
    TICKET_NOT_FOUND: "Não encontramos este chamado. Se ainda precisar de ajuda, envie um novo.",
    RATE_LIMITED: "Foram enviadas muitas solicitações. Aguarde um momento e tente de novo.",
    REQUEST_TIMEOUT:
      "A conexão parou de enviar seu ticket. Verifique se você está online e envie de novo.",
    UPSTREAM_UNAVAILABLE:
      "O serviço de suporte não está respondendo agora. Tente de novo daqui a pouco.",
    UPSTREAM_ERROR: "O serviço de suporte respondeu com um erro. Tente de novo daqui a pouco.",
    INTERNAL_ERROR:
      "Algo deu errado do nosso lado. Nada foi perdido aqui; tente de novo daqui a pouco.",
    STORE_UNAVAILABLE:
      "O suporte está indisponível por um momento e nada foi enviado. Tente de novo daqui a pouco.",
  },
};
