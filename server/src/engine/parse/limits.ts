// Bounds that keep every request fast and safe on hostile or huge input.
export interface Limits {
  /** Files larger than this get one information diagnostic instead of full validation (bytes). */
  maxFileSize: number;
  /** Alias expansions followed per document before giving up (billion-laughs guard). */
  maxAliasExpansions: number;
  /** Nesting depth the validator descends into. */
  maxDepth: number;
  /** Diagnostics reported per document. */
  maxDiagnostics: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileSize: 5 * 1024 * 1024,
  maxAliasExpansions: 1000,
  maxDepth: 100,
  maxDiagnostics: 1000,
};
