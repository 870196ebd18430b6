// Starts the two language servers the benchmark compares, both over LSP stdio from the bench
// process (one process tree): this project's dist/server.js, and Red Hat's yaml-language-server
// configured with this project's own schema for the same files. For the work rows neither
// debounces: ours gets diagnosticsDelay 0; yaml-language-server's fixed 200 ms validation delay
// (validationDelayMs, not a setting) is set to 0 before it starts, so both measure work, not
// timers. For the rows a user sees, both run as shipped (`atDefaults`): no option, no preload.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, repoRoot, type Message, type PublishedDiagnostics } from '../../test/support/lspClient.ts';
import { BENCH_VERSION, BROKEN_KEY, brokenFile } from './fixtures.ts';

export interface BenchServer {
  name: string;
  client: LspClient;
  /** Whether publishDiagnostics carries the document version (yaml-language-server's does not). */
  versionedDiagnostics: boolean;
}

/**
 * What VS Code announces for these features (vscode-languageclient 11, the client our extension
 * ships); the same for both servers, so each may use what the editor really supports.
 */
const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    completion: {
      contextSupport: true,
      completionItem: {
        snippetSupport: true, commitCharactersSupport: true, documentationFormat: ['markdown', 'plaintext'], deprecatedSupport: true,
        preselectSupport: true, tagSupport: { valueSet: [1] }, insertReplaceSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
        insertTextModeSupport: { valueSet: [1, 2] }, labelDetailsSupport: true,
      },
      insertTextMode: 2,
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'], applyKindSupport: true },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

const yamlLsDir = path.join(repoRoot, 'node_modules', 'yaml-language-server');

export function yamlLsVersion(): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(yamlLsDir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

export async function startOurs(opts: { atDefaults?: boolean } = {}): Promise<BenchServer> {
  const client = new LspClient();
  await client.initialize({ capabilities: CAPABILITIES, initializationOptions: opts.atDefaults ? {} : { diagnosticsDelay: 0 } });
  return { name: 'ours', client, versionedDiagnostics: true };
}

/** The settings yaml-language-server reads: our 1.20 schema for every *.yaml, no downloads. */
function yamlSettings() {
  const schemaUrl = pathToFileURL(path.join(repoRoot, 'schemas', `istio-${BENCH_VERSION}.json`)).href;
  return {
    schemas: { [schemaUrl]: ['*.yaml'] },
    validate: true,
    completion: true,
    hover: true,
    // No network here: without these it tries to fetch the SchemaStore and CRD catalogues.
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
}

/**
 * Sets yaml-language-server's validation delay to 0 before its server module runs: its
 * SettingsState is replaced by a subclass whose constructor zeroes validationDelayMs.
 */
function noDebouncePreload(): string {
  const settingsModule = path.join(yamlLsDir, 'out', 'server', 'src', 'yamlSettings.js');
  const code = `import { createRequire } from 'node:module';
const m = createRequire(${JSON.stringify(settingsModule)})(${JSON.stringify(settingsModule)});
const Base = m.SettingsState;
m.SettingsState = class extends Base { constructor(...a) { super(...a); this.validationDelayMs = 0; } };`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

export async function startYamlLs(opts: { atDefaults?: boolean } = {}): Promise<BenchServer> {
  const bin = path.join(yamlLsDir, 'bin', 'yaml-language-server');
  if (!fs.existsSync(bin)) {
    throw new Error('yaml-language-server is not installed: npm i -D -E yaml-language-server@1.25.0 (1.x: 2.x needs Node 22)');
  }
  const client = new LspClient({ command: opts.atDefaults ? [process.execPath, bin, '--stdio'] : [process.execPath, '--import', noDebouncePreload(), bin, '--stdio'] });
  const settings = yamlSettings();
  // It pulls `yaml`, `http`, `[yaml]` and `editor`; the same answer whenever it asks.
  client.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map((item) => (item.section === 'yaml' ? settings : item.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {})));
  await client.initialize({ capabilities: CAPABILITIES });
  client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
  return { name: 'yaml-language-server', client, versionedDiagnostics: false };
}

const isPublish = (uri: string) => (m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri;

/**
 * The diagnostics a server publishes for `uri` after notification index `from` (and for
 * `version`, when the server says which version it checked).
 */
export async function nextDiagnostics(server: BenchServer, uri: string, version: number, from: number, timeout: number): Promise<PublishedDiagnostics> {
  const m = await server.client.waitFor(
    (n) => isPublish(uri)(n) && (!server.versionedDiagnostics || n.params.version === version),
    { from, timeout, what: `${server.name}'s diagnostics for ${path.basename(uri)} version ${version}` },
  );
  return m.params as PublishedDiagnostics;
}

/**
 * Proves the server validates against our schema before anything is timed: a file with a
 * misspelled key must get an error that names it. yaml-language-server may publish an empty list
 * first (before it has read its settings), so this waits for the error, not the first publish.
 */
export async function assertValidates(server: BenchServer, uri: string, timeout = 20_000): Promise<string> {
  const from = server.client.notifications.length;
  server.client.open(uri, brokenFile(), 1);
  const deadline = Date.now() + timeout;
  let last: PublishedDiagnostics | undefined;
  let version = 1;
  while (Date.now() < deadline) {
    try {
      last = (await server.client.waitFor(
        (m) => isPublish(uri)(m) && m.params.diagnostics.length > 0,
        { from, timeout: 2_000, what: `${server.name}'s diagnostics for the broken file` },
      )).params as PublishedDiagnostics;
      break;
    } catch {
      // Nothing yet: edit the file (same text) so the server checks it again with its current settings.
      server.client.change(uri, ++version, [{ text: brokenFile() }]);
    }
  }
  server.client.close(uri);
  const error = last?.diagnostics.find((d) => (d.severity ?? 1) === 1 && d.message.includes(BROKEN_KEY));
  if (!error) {
    throw new Error(`${server.name} does not validate: no error about \`${BROKEN_KEY}\` in ${JSON.stringify(last?.diagnostics ?? 'no diagnostics')}`);
  }
  return error.message;
}

/** VmRSS and VmHWM (peak) of a process, in MB; undefined where /proc is not available. */
export function memoryOf(pid: number | undefined): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** shutdown + exit; the process is killed when it has not exited 5 s later. */
export async function stop(server: BenchServer): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([server.client.shutdown(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('no exit')), 5_000); })]);
  } catch {
    await server.client.dispose();
  } finally {
    clearTimeout(timer);
  }
}
