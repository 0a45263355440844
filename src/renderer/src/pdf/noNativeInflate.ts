/**
 * Runs first in the pdf.js worker (security.md P7, P8): takes away the browser's native
 * DecompressionStream, so pdf.js inflates Flate streams in its own JavaScript (it falls back by
 * itself when the constructor is missing). Why: the native inflate runs in C++ within one task, which
 * `Worker.terminate()` cannot interrupt. Measured with PDF101's 1.3 KB deflate bomb in Chromium: the
 * renderer grew ~300 MB/s and was still growing at 6.1 GB, 12 s after the viewer terminated the
 * worker. In JavaScript the same bomb stops the moment the watchdog terminates the worker.
 */
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream
