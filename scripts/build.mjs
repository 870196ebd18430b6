// Bundles the extension client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';

// Minified (smaller .vsix, faster start); the source maps beside them stay out of the package
// (.vscodeignore) and map a stack trace back when debugging. keepNames: class and function names
// survive, for the stack traces the server logs.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  minify: true,
  keepNames: true,
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
console.log('built dist/client.js, dist/server.js, dist/cli.js');
