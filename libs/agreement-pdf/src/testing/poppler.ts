/**
 * Poppler's command-line tools (poppler-utils; CI installs them) as an independent reader of the
 * PDFs in tests: what pdftotext extracts and pdfsig accepts is what real viewers see. The one
 * copy for the lib's unit tests and the e2e tests (`@app/agreement-pdf/testing/poppler`).
 * Synchronous: a call takes milliseconds, and e2e tests call it after the document is ready.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'agreement-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of one page or of the whole document. `raw` keeps content-stream order, the only mode
 * in which poppler reads diagonal text (the watermark) as text; it comes out one glyph a line.
 */
export function pdfText(pdf: Uint8Array, options: { page?: number; raw?: boolean } = {}): string {
  const args = options.page ? ['-f', String(options.page), '-l', String(options.page)] : [];
  if (options.raw) args.push('-raw');
  return withFile(pdf, (path) =>
    execFileSync('pdftotext', [...args, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  );
}

export function pdfPageCount(pdf: Uint8Array): number {
  const info = withFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  const pages = /^Pages:\s+(\d+)$/m.exec(info);
  if (!pages) throw new Error(`pdfinfo reports no page count:\n${info}`);
  return Number(pages[1]);
}

/** pdfsig's report; pdfsig exits non-zero for an unsigned or unreadable file, which we keep. */
export function pdfSig(pdf: Uint8Array): string {
  return withFile(pdf, (path) => {
    try {
      return execFileSync('pdfsig', [path], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: string; stderr?: string };
      return `${stdout ?? ''}${stderr ?? ''}`;
    }
  });
}
