import type { CaptureMessages } from "../Messages.ts";

/** Portuguese (pt-BR) for the screen capture. */
export const ptCapture: CaptureMessages = {
  choosing: "Escolha o que compartilhar no aviso do seu navegador.",
  refused:
    "A captura de tela não foi permitida, então nada foi capturado. Você ainda pode anexar arquivos.",
  failed: "Não foi possível capturar a tela. Você ainda pode anexar arquivos.",
  noRoom: "Nada foi capturado: {reason}. Remova um arquivo para abrir espaço.",

  editorLabel: "Editor da captura",
  imageLabel: "Captura de tela, {width} × {height} pixels",
  editorHelp:
    "Arraste sobre a imagem, ou use as setas, para mover a seleção; Shift com as setas muda o tamanho. Enter recorta para a seleção ou a cobre de preto, conforme a ferramenta.",
  toolLabel: "Ferramenta",
  crop: "Recortar",
  blackOut: "Cobrir de preto",
  applyCrop: "Recortar para a seleção",
  applyBlackOut: "Cobrir a seleção de preto",
  undo: "Desfazer",
  attach: "Anexar captura",
  discard: "Descartar",
  selection: "Seleção: {width} × {height} pixels em {x}, {y}.",
  cropped: "Recortada para {width} × {height} pixels.",
  blackedOut: "A seleção foi coberta de preto.",
  undone: "A última alteração foi desfeita.",
  discarded: "A captura foi descartada.",
  finishScreenshot: "Primeiro anexe ou descarte a captura; depois envie.",

  recording: "Gravando",
  recordingStarted: "A gravação começou. Pressione Parar gravação quando terminar.",
  recordingTime: "Gravando há {time}.",
  recordingSize: "{size} dos {room} disponíveis",
  sizeLabel: "Tamanho da gravação",
  stop: "Parar gravação",
  stoppedByUser: "A gravação parou após {time}.",
  stoppedToSend: "A gravação parou após {time} para seguir com o seu chamado.",
  stoppedAtLimit: "A gravação parou sozinha após {time}: uma mais longa não caberia nos anexos.",
  stoppedSharing: "A gravação parou após {time}: o compartilhamento da tela terminou.",
  nothingRecorded: "Nada foi gravado. Tente de novo e compartilhe por um pouco mais de tempo.",
  recordingFailed: "A gravação falhou. Você pode tentar de novo ou anexar arquivos.",
};
