// A language-server request that failed (the server stopped, the request was cancelled), as the
// `{ ok: false, message }` answer every Istio request already has, so callers handle one shape.
export function requestFailed(e: unknown): { ok: false; message: string } {
  return { ok: false, message: e instanceof Error ? e.message : String(e) };
}
