// Loads one release's API protos, with their doc comments, through protobufjs.
import path from 'node:path';
import protobuf from 'protobufjs';

export async function loadProtos(protoDir: string, roots: string[]): Promise<protobuf.Root> {
  const root = new protobuf.Root();
  // Imports are keyed by import path inside <minor>/proto.
  root.resolvePath = (_origin, target) => path.join(protoDir, target);
  await root.load(roots, { keepCase: true, alternateCommentMode: true });
  root.resolveAll();
  return root;
}
