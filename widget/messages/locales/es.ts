import type { Messages } from "../Messages.ts";

/** Spanish, addressing the user as "tú" (Latin American usage). */
export const es: Messages = {
  launcher: "Ayuda",
  launcherRecording: "Ayuda — grabando",
  dialogTitle: "Contactar con soporte",
  yourTickets: "Tus tickets",
  intro: "Cuéntanos qué salió mal y abriremos un ticket con el equipo de soporte.",
  close: "Cerrar",

  summaryLabel: "Resumen",
  summaryHint: "Una línea sobre el problema.",
  descriptionLabel: "Descripción",
  descriptionHint: "¿Qué hiciste, qué esperabas y qué pasó en cambio?",
  counter: "{count} / {max}",

  attachmentsLabel: "Adjuntos",
  attachmentsHint:
    "Opcional. Tipos: {types}. Hasta {maxFiles} archivos, {maxFileSize} cada uno, {maxTotalSize} en total.",
  dropzoneText:
    "Suelta aquí capturas de pantalla o videos, pégalos o haz clic para elegir archivos.",
  dropzoneActive: "Suelta para adjuntar los archivos.",
  totals: "{count} de {maxFiles} archivos · {size} de {maxTotalSize}",
  removeFile: "Quitar {name}",
  dismissFile: "Descartar {name}",
  fileNotAttached: "No adjuntado: {reason}",
  fileAttached: "{name} adjuntado.",
  fileRefused: "{name} no se adjuntó: {reason}",
  fileReasons: {
    FILE_TYPE_NOT_ALLOWED: "este tipo de archivo no se acepta",
    FILE_TOO_LARGE: "el archivo supera {maxFileSize}",
    FILE_CONTENT_MISMATCH: "su contenido no corresponde a su tipo",
    TOO_MANY_FILES: "solo se pueden adjuntar {maxFiles} archivos",
    ATTACHMENTS_TOO_LARGE: "entre todos los archivos se superarían {maxTotalSize}",
  },
  takeScreenshot: "Tomar captura de pantalla",
  recordScreen: "Grabar pantalla",
  details: {
    title: "Detalles técnicos",
    include: "Incluir detalles técnicos",
    hint: "Se envían con tu ticket para que el equipo de soporte vea dónde ocurrió el problema. Se leen al pulsar Enviar; quita lo que prefieras no compartir.",
    excluded: "No se enviarán detalles técnicos.",
    empty: "Quitaste todos los elementos: no se enviará ningún detalle técnico.",
    remove: "Quitar {name}",
    removed: "Se quitó: {name}.",
    items: {
      page: "Página",
      browser: "Navegador",
      os: "Sistema operativo",
      viewport: "Tamaño de la ventana",
      language: "Idioma",
      timeZone: "Zona horaria",
      widget: "Versión del widget",
    },
  },

  send: "Enviar",
  sending: "Enviando…",
  sendingWaiting: "Enviado. Esperando confirmación…",
  uploadLabel: "Progreso de la subida",
  cancel: "Cancelar",
  cancelled: "Se canceló el envío. Tu texto y tus archivos siguen aquí.",
  retry: "Reintentar",
  loadFailed: "No se pudo cargar la ayuda.",
  resumeNeedsFiles:
    "La página se recargó y tus archivos no se conservaron. Vuelve a agregarlos y envía.",

  statusPending: "Estamos registrando tu ticket…",
  statusPendingDetail: "Suele tardar unos segundos. Puedes cerrar esta ventana.",
  statusCreated: "Tu ticket quedó registrado.",
  issueKeyLabel: "Número de ticket",
  emailNote:
    "El equipo de soporte de Ripio te responderá por correo electrónico a la dirección registrada en tu cuenta. Las respuestas no llegan por esta ventana.",
  statusFailed: "No pudimos registrar tu ticket.",
  statusFailedDetail: "No se registró nada. Puedes volver a enviar el mismo mensaje.",
  statusTrouble: "Tenemos problemas para consultar tu ticket. Seguimos intentándolo…",
  tryAgain: "Intentar de nuevo",
  sendAnother: "Enviar otro",
  copy: "Copiar",
  copied: "Copiado",

  networkError: "No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.",
  errors: {
    SUMMARY_REQUIRED: "Escribe un resumen breve.",
    DESCRIPTION_REQUIRED: "Describe qué pasó.",
    SUMMARY_TOO_LONG:
      "El resumen es demasiado largo. Acórtalo hasta que el contador quede dentro del límite.",
    DESCRIPTION_TOO_LONG:
      "La descripción es demasiado larga. Acórtala hasta que el contador quede dentro del límite.",
    TOO_MANY_FILES: "Hay demasiados archivos adjuntos. Quita algunos y vuelve a enviar.",
    FILE_TYPE_NOT_ALLOWED:
      "Este tipo de archivo no se puede adjuntar. Usa imágenes, videos o archivos PDF.",
    FILE_CONTENT_MISMATCH:
      "El contenido de un archivo no corresponde a su tipo. Quítalo o adjunta el archivo original.",
    FILE_TOO_LARGE: "Un archivo es demasiado grande. Quítalo o adjunta uno más pequeño.",
    ATTACHMENTS_TOO_LARGE:
      "Entre todos, los archivos son demasiado grandes. Quita uno o más y vuelve a enviar.",
    MALFORMED_REQUEST: "El servidor no pudo leer tu ticket. Inténtalo de nuevo.",
    IDENTITY_REQUIRED: "No pudimos identificarte. Vuelve a iniciar sesión y envía.",
    IDENTITY_INVALID: "Tu sesión no es válida. Vuelve a iniciar sesión y envía.",
    IDENTITY_EXPIRED: "Tu sesión expiró. Recarga la página o vuelve a iniciar sesión y envía.",
    ORIGIN_NOT_ALLOWED:
      "Este sitio web no tiene permiso para enviar tickets de soporte. Avísale al responsable del sitio.",
    TICKETS_DISABLED:
      "Los tickets de soporte todavía no están disponibles para esta cuenta. Por ahora usa los otros canales de contacto del sitio; tu mensaje se conserva aquí.",
    CUSTOMER_NOT_FOUND:
      "No encontramos tu cuenta de cliente. Cierra sesión y vuelve a entrar, o usa los otros canales de contacto del sitio.",
    CUSTOMER_EMAIL_MISSING:
      "Tu cuenta no tiene un correo electrónico y soporte responde por correo. Agrega un correo en la configuración de tu cuenta y vuelve a enviar.",
    TICKET_NOT_FOUND: "No encontramos este ticket. Si todavía necesitas ayuda, envía uno nuevo.",
    RATE_LIMITED: "Se enviaron demasiadas solicitudes. Espera un momento e inténtalo de nuevo.",
    REQUEST_TIMEOUT:
      "La conexión dejó de enviar tu ticket. Comprueba que estás en línea y envíalo de nuevo.",
    UPSTREAM_UNAVAILABLE:
      "El servicio de soporte no responde en este momento. Inténtalo de nuevo en un rato.",
    UPSTREAM_ERROR: "El servicio de soporte respondió con un error. Inténtalo de nuevo en un rato.",
    INTERNAL_ERROR:
      "Algo falló de nuestro lado. Aquí no se perdió nada; inténtalo de nuevo en un rato.",
    STORE_UNAVAILABLE:
      "El soporte no está disponible por un momento y no se envió nada. Inténtalo de nuevo en un rato.",
  },
};
