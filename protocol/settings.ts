// The settings the language server reads, declared once for the client and the server.

/** The configuration section (`istioOperator.*` in VS Code), read per resource. */
export const SETTINGS_SECTION = 'istioOperator';

/** `workspace/configuration` for section `istioOperator` answers with this shape. */
export interface IstioOperatorSettings {
  /** "auto" (the engine's order: comment, spec.tag, istioctl, newest) or a minor such as "1.20". */
  istioVersion: string;
}

export const DEFAULT_SETTINGS: IstioOperatorSettings = { istioVersion: 'auto' };

/** `initialize` params' `initializationOptions` that the server understands; all optional. */
export interface InitializationOptions {
  /** The istioctl version the client found at start (see IstioctlVersionNotification). */
  istioctlVersion?: string | null;
  /**
   * Milliseconds to wait after an edit before checking the document again, so a burst of
   * keystrokes is checked once (0 checks every version). Without it the wait follows the cost: none
   * after a cheap check (≤ 15 ms), twice the last check's time after an expensive one (≤ 150 ms).
   */
  diagnosticsDelay?: number;
  /** Files larger than this (KB) get one information diagnostic instead of full checks (default 5120). */
  maxFileSizeKb?: number;
}

/** Reads whatever a client sent as settings, keeping only well-formed values. */
export function normalizeSettings(raw: unknown): IstioOperatorSettings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const v = typeof r.istioVersion === 'string' && r.istioVersion.trim() ? r.istioVersion.trim() : DEFAULT_SETTINGS.istioVersion;
  return { istioVersion: v };
}
