// Per-document settings: `istioOperator.*` read for the document's resource through
// workspace/configuration, cached per document as a promise, dropped on configuration change and
// on close; plus the istioctl version the client reports, which applies to every document.
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type IstioOperatorSettings } from '../../protocol/settings.ts';
import type { EngineSettings } from './engine/engine.ts';
import { describeError, type Logger } from './logger.ts';

export class Settings {
  private readonly perDocument = new Map<string, Promise<IstioOperatorSettings>>();
  /** For clients without workspace/configuration: what didChangeConfiguration last sent. */
  private global: IstioOperatorSettings = DEFAULT_SETTINGS;
  private istioctlVersion: string | undefined;
  private pullConfiguration = false;

  constructor(private readonly connection: Connection, private readonly log: Logger) {}

  /** Called once from `initialize`, when the client's capabilities are known. */
  configure(opts: { pullConfiguration: boolean; istioctlVersion?: string | null; workspaceFolders?: string[] }): void {
    this.pullConfiguration = opts.pullConfiguration;
    this.istioctlVersion = opts.istioctlVersion ?? undefined;
    this.workspaceFolders = (opts.workspaceFolders ?? []).map(filePath).filter((p): p is string => !!p);
  }

  private workspaceFolders: string[] = [];

  /** What the engine needs to choose a document's Istio version. */
  async forDocument(uri: string): Promise<EngineSettings> {
    const s = await this.read(uri);
    return { setting: s.istioVersion, istioctlVersion: this.istioctlVersion, documentPath: filePath(uri), workspaceFolders: this.workspaceFolders };
  }

  /** workspace/didChangeConfiguration: forget every cached answer. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    if (!this.pullConfiguration) {
      const section = (pushed as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      this.global = normalizeSettings(section);
    }
  }

  /** The client found istioctl X (or none). Returns whether anything changed. */
  setIstioctlVersion(version: string | null | undefined): boolean {
    const v = typeof version === 'string' && version.trim() ? version.trim() : undefined;
    if (v === this.istioctlVersion) return false;
    this.istioctlVersion = v;
    return true;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private read(uri: string): Promise<IstioOperatorSettings> {
    if (!this.pullConfiguration) return Promise.resolve(this.global);
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => normalizeSettings(raw),
        (e: unknown) => {
          this.log.warn(`Could not read the ${SETTINGS_SECTION} settings for ${uri}; using the defaults. ${describeError(e)}`);
          return DEFAULT_SETTINGS;
        },
      );
      this.perDocument.set(uri, p);
    }
    return p;
  }
}

/** The local path of a `file:` URI; undefined for other schemes (untitled, virtual workspaces). */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}
