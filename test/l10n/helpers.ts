// Shared by the localization tests.
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A Chinese character: a translated string has at least one. */
export const CJK = /[\u3400-\u9fff]/;
