// The custom messages between the extension client and the language server, declared once and
// imported by both sides. Plain method names and parameter types, no runtime imports, so either
// bundle can include this file (send with `sendNotification(X.method, params)`).

/** Where the Istio version of a document came from (the engine's order: first match wins). */
export type VersionSource = 'comment' | 'setting' | 'spec.tag' | 'istioctl' | 'newest';

/**
 * Client → server: the istioctl the client found (`istioctl version --remote=false`), or null when
 * there is none. Used for documents with no `# istio-version:` comment, no setting and no
 * release `spec.tag`. The client may also pass it at start as
 * `initializationOptions.istioctlVersion`.
 */
export namespace IstioctlVersionNotification {
  export const method = 'istioOperator/istioctlVersion';
  export interface Params {
    /** As istioctl prints it, e.g. "1.20.3"; null: no istioctl. */
    version: string | null;
  }
}

/**
 * Server → client: the Istio version chosen for an open document, sent when a document is first
 * checked and whenever the choice (version, source or reason) changes. The client shows it in the
 * status bar for the active editor. For a file with several IstioOperator documents it is the
 * first one's; `version: null` means the file holds no IstioOperator (hide the item).
 */
export namespace VersionStatusNotification {
  export const method = 'istioOperator/versionStatus';
  export interface Params {
    uri: string;
    /** The minor checked against, e.g. "1.20"; null when the file holds no IstioOperator. */
    version: string | null;
    source: VersionSource | null;
    /** For people: "the comment `# istio-version: 1.9`". */
    reason: string | null;
  }
}

/**
 * Client → server: the profile defaults of the user's own istioctl, from "Istio: Refresh Defaults
 * from istioctl" (`istioctl profile dump NAME` for each profile; istioctl 1.5–1.23 only), sent after
 * a refresh and at start when a cached refresh exists for the istioctl found. The server may use
 * them instead of the bundled defaults for documents checked against `minor`.
 */
export namespace IstioctlDefaultsNotification {
  export const method = 'istioOperator/istioctlDefaults';
  export interface Params {
    /** As istioctl prints it, e.g. "1.20.3". */
    istioctlVersion: string;
    /** The minor the dumps belong to, e.g. "1.20". */
    minor: string;
    /** Profile name → the YAML `istioctl profile dump NAME` printed (a whole IstioOperator). */
    profiles: Record<string, string>;
  }
}

/**
 * Client → server request: the effective configuration of an open IstioOperator document (its
 * release's built-in profile with the document merged over it, as that istioctl merges them), or
 * with `profileOnly` the profile alone, as YAML. "Show Effective Configuration" and the bundled
 * "Diff Against Profile" use it; the engine does the work.
 */
export namespace EffectiveConfigurationRequest {
  export const method = 'istioOperator/effectiveConfiguration';
  export interface Params {
    uri: string;
    /** The profile without the document. */
    profileOnly?: boolean;
    /** End each value's line with where it comes from. */
    origins?: boolean;
  }
  export type Result =
    | { ok: true; version: string; tag: string; profile: string; yaml: string }
    | { ok: false; message: string };
}

/**
 * Client → server request: "Istio: Check Upgrade to…" — what an open IstioOperator document means
 * on a later release `to` (moved and removed settings, new errors, defaults that change, commands
 * that change, the upgrade's hops), as Markdown. The engine reads the file at every release on the way.
 */
export namespace UpgradeReportRequest {
  export const method = 'istioOperator/upgradeReport';
  export interface Params {
    uri: string;
    /** The release to upgrade to, e.g. "1.24". */
    to: string;
  }
  export type Result =
    | { ok: true; from: string; to: string; markdown: string; findings: number; errors: number }
    | { ok: false; message: string };
}

/** A range in a document, as LSP has it (0-based lines and characters). */
export interface DocumentRange { start: { line: number; character: number }; end: { line: number; character: number } }

/**
 * Client → server request: the "Istio Components" view's data for an open IstioOperator document,
 * from its effective configuration: each component and gateway, enabled or not and who decided,
 * and its facts (replicas or HPA, resources, scheduling, Service type and ports), each with the
 * setting's path and, when the file sets it, its range.
 */
export namespace ComponentsRequest {
  export const method = 'istioOperator/components';
  export interface Params { uri: string }
  export interface Fact { label: string; value: string; path: Array<string | number>; origin?: string; raw: unknown; range?: DocumentRange }
  export interface Component {
    id: string; label: string; kind: 'component' | 'gateway'; enabled: boolean; origin?: string;
    path: Array<string | number>; range?: DocumentRange; facts: Fact[];
  }
  export type Result = { ok: true; version: string; profile: string; components: Component[] } | { ok: false; message: string };
}

/**
 * Client → server request: the edit that writes a setting the file does not have yet (the
 * components view's "Set in File"), with `value`, under the deepest map of `path` the file has.
 */
export namespace AddSettingRequest {
  export const method = 'istioOperator/addSetting';
  export interface Params { uri: string; path: Array<string | number>; value: unknown }
  export type Result = { ok: true; edit: { range: DocumentRange; newText: string } } | { ok: false; message: string };
}

/**
 * Client → server request: "Istio: Copy as istioctl --set Flags" — the open document's first
 * IstioOperator (or, with `position`, the setting there) as --set flags, as its release reads them,
 * and what no flag can write (with why).
 */
export namespace SetFlagsRequest {
  export const method = 'istioOperator/setFlags';
  export interface Params { uri: string; position?: { line: number; character: number } }
  export type Result =
    | { ok: true; version: string; releases: string; flags: Array<{ path: string; arg: string }>; problems: Array<{ path: string; reason: string }>; notes: string[] }
    | { ok: false; message: string };
}

/**
 * Client → server request: "Istio: Paste --set Flags as YAML" — the edits that merge a pasted
 * command line's --set flags into the open document, keeping every comment and untouched line.
 */
export namespace PasteFlagsRequest {
  export const method = 'istioOperator/pasteFlags';
  export interface Params { uri: string; commandLine: string }
  export type Result =
    | { ok: true; version: string; flags: number; edits: Array<{ range: DocumentRange; newText: string }>; errors: Array<{ flag: string; message: string }>; notes: string[] }
    | { ok: false; message: string };
}

/** Client → server request: "Istio: New IstioOperator File…" — the files for the choices made. */
export namespace NewOperatorRequest {
  export const method = 'istioOperator/newOperator';
  export interface Params {
    istioVersion: string; profile?: string; gateways?: { ingress?: boolean; egress?: boolean }; hub?: string; accessLogs?: boolean;
    monitoring?: 'kube-prometheus'; tracing?: 'zipkin' | 'opentelemetry'; samplingRate?: number;
  }
  export type Result =
    | { ok: true; version: string; tag: string; files: Array<{ name: string; description: string; text: string }>; notes: string[] }
    | { ok: false; message: string };
}
