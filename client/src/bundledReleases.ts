// The releases bundled in schemas/index.json, compiled into the client: the newest of them is the
// newest istioctl syntax the command table holds for (the import carries the table over to a new
// release only when istioctl's command sources are unchanged: scripts/schema/import/reviewedTables.ts).
import index from '../../schemas/index.json';

export const BUNDLED_RELEASES: ReadonlyArray<{ version: string; tag: string }> = index.versions;

export const NEWEST_BUNDLED_MINOR = Math.max(...index.versions.map((v) => Number(v.version.split('.')[1])));
