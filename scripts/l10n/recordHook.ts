// Loaded with --import while the engine tests run (scripts/l10n/recordCorpus.ts): every text the tests
// validate, with its settings, is appended to $IOP_L10N_RECORD as one JSON line.
import fs from 'node:fs';
import { Engine } from '../../server/src/engine/engine.ts';

const out = process.env.IOP_L10N_RECORD;
if (out) {
  const validate = Engine.prototype.validate;
  Engine.prototype.validate = function (this: Engine, file, settings = {}, cancelled) {
    if (file.text.length <= 20000) {
      const { documentPath, workspaceFolders, ...rest } = settings;
      try { fs.appendFileSync(out, `${JSON.stringify({ text: file.text, settings: rest })}\n`); } catch { /* best effort */ }
    }
    return validate.call(this, file, settings, cancelled);
  };
}
