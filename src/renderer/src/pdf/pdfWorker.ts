/**
 * The pdf.js worker as the viewer starts it: pdf.js's own worker, after noNativeInflate has removed
 * the native inflate it could not stop (module imports run in this order).
 */
import './noNativeInflate'
import 'pdfjs-dist/build/pdf.worker.mjs'
