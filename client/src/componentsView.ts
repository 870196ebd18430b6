// The "Istio Components" view in the Explorer: the active IstioOperator's components and gateways
// from its effective configuration (the language server's istioOperator/components), each with
// what it runs at a glance. A fact the file sets reveals its line; one from a profile or chart can
// be written into the file with its current value (istioOperator/addSetting). Updates as you type.
import * as vscode from 'vscode';
import type { AddSettingRequest, ComponentsRequest, DocumentRange } from '../../protocol/messages.ts';
import { requestFailed } from './requestFailed.ts';

export const COMPONENTS_VIEW = 'istioOperator.components';
export const REVEAL_COMMAND = 'istioOperator.components.reveal';
export const SET_IN_FILE_COMMAND = 'istioOperator.components.setInFile';

export type ComponentsSource = (uri: string) => Promise<ComponentsRequest.Result>;
export type AddSettingSource = (uri: string, path: Array<string | number>, value: unknown) => Promise<AddSettingRequest.Result>;

type Item =
  | { kind: 'message'; text: string }
  | { kind: 'component'; uri: string; component: ComponentsRequest.Component }
  | { kind: 'fact'; uri: string; component: ComponentsRequest.Component; fact: ComponentsRequest.Fact };

export class ComponentsView implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly source: ComponentsSource, private readonly add: AddSettingSource) {
    this.subscriptions = [
      this.changed,
      vscode.window.registerTreeDataProvider(COMPONENTS_VIEW, this),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) this.refreshSoon(300); }),
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, range: DocumentRange) => reveal(uri, range)),
      vscode.commands.registerCommand(SET_IN_FILE_COMMAND, (uri: string, fact: ComponentsRequest.Fact) => this.setInFile(uri, fact)),
    ];
  }

  /** Typing refreshes the view a moment later, not on every key. */
  private refreshSoon(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), ms);
  }

  async getChildren(item?: Item): Promise<Item[]> {
    if (item?.kind === 'component') return item.component.facts.map((fact) => ({ kind: 'fact', uri: item.uri, component: item.component, fact }));
    if (item) return [];
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'yaml') return [{ kind: 'message', text: vscode.l10n.t('Open an IstioOperator file to see its components.') }];
    const uri = doc.uri.toString();
    const r = await this.source(uri).catch(requestFailed);
    if (!r.ok) {
      // Asked before the language server had the document (just opened): ask again shortly.
      if (r.message === 'The document is not open.') this.refreshSoon(500);
      return [{ kind: 'message', text: r.message }];
    }
    return r.components.map((component) => ({ kind: 'component', uri, component }));
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'message') return new vscode.TreeItem(item.text);
    if (item.kind === 'component') {
      const c = item.component;
      const t = new vscode.TreeItem(c.label, c.facts.length ? (c.enabled ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
      t.id = `${item.uri}#${c.id}`;
      const state = c.enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled');
      t.description = c.origin ? `${state} · ${c.origin}` : state;
      t.iconPath = new vscode.ThemeIcon(c.enabled ? 'pass-filled' : 'circle-slash');
      t.tooltip = componentTooltip(c);
      if (c.range) t.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal in File'), arguments: [item.uri, c.range] };
      t.contextValue = 'component';
      return t;
    }
    const f = item.fact;
    const t = new vscode.TreeItem(f.label, vscode.TreeItemCollapsibleState.None);
    t.id = `${item.uri}#${item.component.id}#${f.label}`;
    t.description = `${f.value}${f.origin ? ` · ${f.origin}` : ''}`;
    const where = f.path.filter((p, i) => !(i === 0 && p === 'spec')).map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
    if (f.range) {
      t.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Reveal in File'), arguments: [item.uri, f.range] };
      t.tooltip = vscode.l10n.t('{path}: set in this file. Click to reveal it.', { path: where });
      t.contextValue = 'fact-in-file';
    } else {
      t.command = { command: SET_IN_FILE_COMMAND, title: vscode.l10n.t('Set in File'), arguments: [item.uri, f] };
      t.tooltip = f.origin
        ? vscode.l10n.t('{path}: from {origin}, not in this file. Click to write it into the file with this value.', { path: where, origin: f.origin })
        : vscode.l10n.t('{path}: from the defaults, not in this file. Click to write it into the file with this value.', { path: where });
      t.contextValue = 'fact-default';
    }
    return t;
  }

  private async setInFile(uri: string, fact: ComponentsRequest.Fact): Promise<void> {
    const r = await this.add(uri, fact.path, fact.raw).catch(requestFailed);
    if (!r.ok) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Istio: {message}', { message: r.message }));
      return;
    }
    const target = vscode.Uri.parse(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(target, toRange(r.edit.range), r.edit.newText);
    if (!(await vscode.workspace.applyEdit(edit))) return;
    const start = r.edit.range.start;
    const lines = r.edit.newText.split('\n').length - 1;
    await reveal(uri, { start, end: { line: start.line + Math.max(lines - 1, 0), character: 0 } });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
  }
}

/** "Gateway istio-ingressgateway: installed (decided by profile default)." */
function componentTooltip(c: ComponentsRequest.Component): string {
  const args = { name: c.label, origin: c.origin ?? '' };
  if (c.kind === 'gateway') {
    if (c.enabled) return c.origin ? vscode.l10n.t('Gateway {name}: installed (decided by {origin}).', args) : vscode.l10n.t('Gateway {name}: installed.', args);
    return c.origin ? vscode.l10n.t('Gateway {name}: not installed (decided by {origin}).', args) : vscode.l10n.t('Gateway {name}: not installed.', args);
  }
  if (c.enabled) return c.origin ? vscode.l10n.t('Component {name}: installed (decided by {origin}).', args) : vscode.l10n.t('Component {name}: installed.', args);
  return c.origin ? vscode.l10n.t('Component {name}: not installed (decided by {origin}).', args) : vscode.l10n.t('Component {name}: not installed.', args);
}

const toRange = (r: DocumentRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function reveal(uri: string, range: DocumentRange): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  editor.selection = new vscode.Selection(toRange(range).start, toRange(range).end);
  editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
