import type { CaptureMessages } from "../Messages.ts";

/** Spanish for the screen capture, addressing the user as "tú" (Latin American usage). */
export const esCapture: CaptureMessages = {
  choosing: "Elige qué compartir en el aviso de tu navegador.",
  refused:
    "No se permitió capturar la pantalla, así que no se capturó nada. Igual puedes adjuntar archivos.",
  failed: "No se pudo capturar la pantalla. Igual puedes adjuntar archivos.",
  noRoom: "No se capturó nada: {reason}. Quita un archivo para hacer lugar.",

  editorLabel: "Editor de la captura",
  imageLabel: "Captura de pantalla, {width} × {height} píxeles",
  editorHelp:
    "Arrastra sobre la imagen, o usa las flechas, para mover la selección; Mayús con las flechas cambia su tamaño. Enter recorta a la selección o la tapa de negro, según la herramienta.",
  toolLabel: "Herramienta",
  crop: "Recortar",
  blackOut: "Tapar de negro",
  applyCrop: "Recortar a la selección",
  applyBlackOut: "Tapar la selección de negro",
  undo: "Deshacer",
  attach: "Adjuntar captura",
  discard: "Descartar",
  selection: "Selección: {width} × {height} píxeles en {x}, {y}.",
  cropped: "Recortada a {width} × {height} píxeles.",
  blackedOut: "La selección quedó tapada de negro.",
  undone: "Se deshizo el último cambio.",
  discarded: "Se descartó la captura.",
  finishScreenshot: "Primero adjunta o descarta la captura; después envía.",

  recording: "Grabando",
  recordingStarted: "Comenzó la grabación. Pulsa Detener grabación cuando termines.",
  recordingTime: "Grabando desde hace {time}.",
  recordingSize: "{size} de los {room} disponibles",
  sizeLabel: "Tamaño de la grabación",
  stop: "Detener grabación",
  stoppedByUser: "La grabación se detuvo a los {time}.",
  stoppedToSend: "La grabación se detuvo a los {time} para enviarla con tu ticket.",
  stoppedAtLimit:
    "La grabación se detuvo sola a los {time}: una más larga no cabría en los adjuntos.",
  stoppedSharing: "La grabación se detuvo a los {time}: se dejó de compartir la pantalla.",
  nothingRecorded: "No se grabó nada. Vuelve a intentarlo y comparte un poco más de tiempo.",
  recordingFailed: "La grabación falló. Puedes volver a intentarlo o adjuntar archivos.",
};
