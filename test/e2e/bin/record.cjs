// Shared by the stand-ins: appends {"tool","argv","stdin"?} as one JSON line to $ISTIO_E2E_CALLS.
// stdin is read (and recorded) only when the command reads a manifest from it (`-f -`).
const fs = require('node:fs');

exports.record = function record(tool, argv) {
  const file = process.env.ISTIO_E2E_CALLS;
  if (!file) return;
  const entry = { tool, argv };
  const f = argv.indexOf('-f');
  if (f >= 0 && argv[f + 1] === '-') entry.stdin = fs.readFileSync(0, 'utf8');
  fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
};
