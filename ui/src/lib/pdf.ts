// pdf.js, loaded the first time a preview is shown (it is large, and most screens never need
// it). Its worker is a file of the build (`?url`), so the window loads it from its own origin
// and the content security policy needs nothing more than 'self'.
//
// The documents are the core's own PDFs: embedded fonts, no scripts, no forms. Everything that
// would need more than the policy allows (eval, WebAssembly, fetching fonts or colour profiles)
// is switched off rather than tried and refused.

import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');

let library: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then(
    (lib) => {
      lib.GlobalWorkerOptions.workerSrc = workerUrl;
      return lib;
    },
    (error: unknown) => {
      // A failed load (e.g. a chunk missing) may be tried again later.
      library = null;
      throw error;
    },
  );
  return library;
}

/** The PDF in base64, as the core sends it, back to its bytes. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Opens a PDF; the caller destroys it once done with it. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: true,
  }).promise;
}

/**
 * Draws `page` on a new canvas `cssWidth` CSS pixels wide (sharp on high-density screens).
 * Resolves once the page is drawn; `isCurrent` is asked before the work starts, so that a
 * drawing nobody waits for any more is not done.
 */
export async function drawPage(
  page: PDFPageProxy,
  cssWidth: number,
  isCurrent: () => boolean,
): Promise<HTMLCanvasElement | null> {
  if (!isCurrent()) return null;
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const scale = (cssWidth / unscaled.width) * ratio;
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(viewport.width));
  canvas.height = Math.max(1, Math.floor(viewport.height));
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
  return canvas;
}
