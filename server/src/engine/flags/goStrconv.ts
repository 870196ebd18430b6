// The few Go standard-library functions istioctl's --set handling runs on a flag, in JavaScript:
// strconv.Atoi, ParseFloat and ParseBool (the value's type), strings.TrimSpace, path.Clean (run on
// the path) and fmt.Sprint of a float64. Written from the Go language's documented behaviour
// (strconv, path, fmt), since the flags' meaning hangs on their corner cases ("t" is true,
// "1_0.5" is a float, "0x1p4" is 16, "1e400" is a string).

/** strconv.Atoi: optional sign and decimal digits, within int64; no underscores (base 10). */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return undefined;
  return Number(n);
}

const SPECIAL_FLOAT = /^([+-]?)(inf|infinity)$|^(nan)$/i;
const DECIMAL_FLOAT = /^[+-]?(?:[\d_]+\.?[\d_]*|\.[\d_]+)(?:e[+-]?[\d_]+)?$/i;
const HEX_FLOAT = /^[+-]?0x(?:[\da-f_]+\.?[\da-f_]*|\.[\da-f_]+)p[+-]?[\d_]+$/i;

/**
 * strconv.ParseFloat(s, 64): decimal or hexadecimal (which needs a `p` exponent) floats, with
 * underscores only between digits; "inf", "infinity" (signed) and "nan" in any case. Out of
 * range is an error (istioctl then reads the flag as a string).
 */
export function goParseFloat(s: string): number | undefined {
  const special = SPECIAL_FLOAT.exec(s);
  if (special) return special[3] ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const hex = HEX_FLOAT.test(s);
  if (!hex && !DECIMAL_FLOAT.test(s)) return undefined;
  if (!/[\da-f]/i.test(s.replace(/^[+-]?0x/i, '').split(/[ep]/i)[0])) return undefined; // digits needed
  if (s.includes('_') && !underscoresOk(s)) return undefined;
  const clean = s.replace(/_/g, '');
  const value = hex ? hexFloat(clean) : Number(clean);
  return Number.isFinite(value) ? value : undefined;
}

/** Go's underscoreOK: each `_` sits between digits, or right after a base prefix. */
function underscoresOk(s: string): boolean {
  let rest = s.replace(/^[+-]/, '');
  let saw = '^';
  let hex = false;
  if (/^0[box]/i.test(rest)) { hex = /^0x/i.test(rest); rest = rest.slice(2); saw = '0'; }
  for (const c of rest) {
    if (/\d/.test(c) || (hex && /[a-f]/i.test(c))) { saw = '0'; continue; }
    if (c === '_') { if (saw !== '0') return false; saw = '_'; continue; }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

function hexFloat(s: string): number {
  const m = /^([+-]?)0x([\da-f]*)\.?([\da-f]*)p([+-]?\d+)$/i.exec(s)!;
  const digits = m[2] + m[3];
  let mantissa = 0;
  for (const d of digits) mantissa = mantissa * 16 + parseInt(d, 16);
  const value = mantissa * 2 ** (Number(m[4]) - 4 * m[3].length);
  return m[1] === '-' ? -value : value;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool. */
export function goParseBool(s: string): boolean | undefined {
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** What unicode.IsSpace counts as space (strings.TrimSpace trims these). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

export const goTrimSpace = (s: string) => s.replace(TRIM, '');

/** path.Clean (filepath.Clean on Linux): `//` → `/`, `.` elements dropped, `a/..` resolved. */
export function goCleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = (rooted ? '/' : '') + out.join('/');
  return joined === '' ? '.' : joined;
}

/**
 * fmt.Sprint(float64): strconv's shortest 'g' form, where the exponent form is used from 1e+06
 * (and below 1e-04), with at least two exponent digits: 1000000 → "1e+06", 100000 → "100000".
 */
export function goSprintFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa, exp] = f.toExponential().split('e');
  const x = Number(exp);
  if (x < -4 || x >= 6) {
    const e = Math.abs(x) < 10 ? `0${Math.abs(x)}` : String(Math.abs(x));
    return `${mantissa}e${x < 0 ? '-' : '+'}${e}`;
  }
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = f < 0 ? '-' : '';
  if (x < 0) return `${sign}0.${'0'.repeat(-x - 1)}${digits}`;
  const whole = digits.padEnd(x + 1, '0');
  const frac = digits.slice(x + 1);
  return `${sign}${whole.slice(0, x + 1)}${frac ? `.${frac}` : ''}`;
}
