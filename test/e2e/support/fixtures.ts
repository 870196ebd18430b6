// Reading the fixtures and the manifest, shared by the end-to-end tests (test/e2e) and the
// VS Code API suite (test/vscode): plain functions of text, no paths, no browser, no vscode.

/**
 * 1-based line and column (as the status bar shows them) of the first `needle` in `text` outside
 * comment lines, moved `offset` characters to the right.
 */
export function positionIn(text: string, needle: string, offset = 0): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => !l.trimStart().startsWith('#') && l.includes(needle));
  if (line < 0) throw new Error(`no "${needle}" outside comments in:\n${text}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 + offset };
}

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
  /** As the palette shows it: "Istio: Apply". */
  label: string;
}

interface Manifest {
  contributes?: { commands?: Array<{ command: string; title: string; category?: string }> };
}

/**
 * The contributed command whose id ends with `.${name}` (`istioOperator.apply` for "apply").
 * Throws, saying what is missing, while the extension contributes no such command. `nls` is
 * package.nls.json, for titles written as `%key%`.
 */
export function findCommand(manifest: Manifest, name: string, nls: Record<string, string> = {}): ContributedCommand {
  // `%key%` titles are localized: package.nls.json holds the English the palette shows.
  const english = (s: string) => s.replace(/^%([^%]+)%$/, (all, k: string) => nls[k] ?? all);
  const commands = (manifest.contributes?.commands ?? []).map((c) => ({ ...c, title: english(c.title), category: c.category && english(c.category) }));
  const found = commands.find((c) => c.command.toLowerCase().endsWith(`.${name.toLowerCase()}`));
  if (!found) {
    throw new Error(`package.json contributes no "*.${name}" command (it has: ${commands.map((c) => c.command).join(', ') || 'none'}); `
      + 'this check waits on the client commands of issue 4');
  }
  return { ...found, label: found.category ? `${found.category}: ${found.title}` : found.title };
}

/** The argv of one recorded call without the kube flags every cluster command may carry. */
export function withoutKubeFlags(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--context' || argv[i] === '--kubeconfig') { i++; continue; }
    if (/^--(context|kubeconfig)=/.test(argv[i])) continue;
    out.push(argv[i]);
  }
  return out;
}
