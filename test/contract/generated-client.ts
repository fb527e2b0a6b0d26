import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';

const CLI = join(__dirname, '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/**
 * What the openapi-typescript CLI makes of the document (`paths`, `components`), written to
 * `dir/api.ts`. The CLI in a child process, as a client project runs it (its library build
 * loads ES modules that Jest's CommonJS runtime cannot).
 */
export async function generateTypes(dir: string, document: object): Promise<string> {
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  await promisify(execFile)(process.execPath, [CLI, 'openapi.json', '-o', 'api.ts'], { cwd: dir });
  return readFileSync(join(dir, 'api.ts'), 'utf8');
}

/** Copies the typed client (typed-client.ts.txt) next to the generated types in `dir`. */
export function writeClient(dir: string): string {
  const client = join(dir, 'client.ts');
  copyFileSync(join(__dirname, 'typed-client.ts.txt'), client);
  return client;
}

/**
 * `tsc --strict --noEmit` over the client and the generated types, as a client project would
 * compile them (ES modules resolved like a bundler does; Node's fetch types). Returns the
 * diagnostics, one line each, empty when it compiles.
 */
export function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    noUnusedLocals: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.split('/').pop()}(${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1})`
      : '';
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}
