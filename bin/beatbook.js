#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install / npm run build produce dist/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('Beatbook is not built yet: run "npm install" (or "npm run build") first.\n');
  process.exit(2);
}
// A closed pipe (`beatbook … | head`) ends the output quietly instead of with a stack.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
