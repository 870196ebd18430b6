// What a rule sees and how it reports: istioctl's checks beyond the schema (ISTIOCTL-RULES.md).
import type { Document, Node } from 'yaml';
import type { QuickFix } from '../validate/diagnostics.ts';
import type { IstioSchema } from '../schema/schemaStore.ts';
import type { Step } from '../parse/yamlNodes.ts';

/** Where the document lives, for settings that name files (spec.profile); empty for unsaved text. */
export interface DocumentPlace {
  /** The file's absolute path. */
  documentPath?: string;
  /** The workspace folders' absolute paths. */
  workspaceFolders?: string[];
}

export interface RuleContext {
  doc: Document;
  schema: IstioSchema;
  /** The Istio minor as a number: 1.20 → 20. */
  minor: number;
  profile: string;
  place: DocumentPlace;
  /** The YAML node at a path below the document root, aliases followed; undefined when absent. */
  get(path: Step[]): Node | undefined;
  report(node: Node, severity: 'error' | 'warning', code: string, message: string, path: Step[], fix?: QuickFix): void;
}

export interface Rule {
  /** Releases the rule applies to, inclusive minors. */
  minors: [number, number];
  check(ctx: RuleContext): void;
}
