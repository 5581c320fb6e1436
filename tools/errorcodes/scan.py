"""Finds every DomainException factory call in src/ and takes its code and message apart.

Used once to turn the code literals into named constants per capability and to write Errors.resx (the English
templates, keyed by code); run again with --check to list call sites whose message has no matching template.
"""
import json, os, re, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
CALL = re.compile(r'DomainException\.(Invalid|NotFound|Conflict|Forbidden|Unavailable)\(')
CODE = re.compile(r'^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$')


def read_string(s, i):
    """Reads the string literal starting at s[i]; returns (end, kind, parts) where parts are literal text
    (decoded) and ('hole', expr, alignment, format) tuples."""
    interp = verbatim = False
    j = i
    while s[j] in '$@':
        if s[j] == '$': interp = True
        else: verbatim = True
        j += 1
    assert s[j] == '"', s[i:i + 20]
    j += 1
    parts, buf = [], []
    while True:
        c = s[j]
        if verbatim and c == '"' and s[j + 1] == '"':
            buf.append('"'); j += 2; continue
        if c == '"':
            j += 1; break
        if not verbatim and c == '\\':
            n = s[j + 1]
            if n == 'u':
                buf.append(chr(int(s[j + 2:j + 6], 16))); j += 6; continue
            buf.append({'n': '\n', 't': '\t', 'r': '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'"}[n]); j += 2; continue
        if interp and c == '{':
            if s[j + 1] == '{':
                buf.append('{'); j += 2; continue
            parts.append(''.join(buf)); buf = []
            k, expr_end, depth = j + 1, None, 0
            align = fmt = None
            start = k
            while True:
                ch = s[k]
                if ch == '"' or (ch in '$@' and s[k + 1] in '"$@'):
                    k = read_string(s, k)[0]; continue
                if ch == "'":
                    k += 3 if s[k + 1] != '\\' else 4; continue
                if ch in '([': depth += 1
                elif ch in ')]': depth -= 1
                elif depth == 0 and ch == ',' and expr_end is None:
                    expr_end = k
                elif depth == 0 and ch == ':' and not (s[k + 1] == ':'):
                    if expr_end is None: expr_end = k
                    f = k + 1
                    while s[k] != '}': k += 1
                    fmt = s[f:k]
                    break
                elif depth == 0 and ch == '}':
                    if expr_end is None: expr_end = k
                    break
                k += 1
            expr = s[start:expr_end].strip()
            if expr_end < k and s[expr_end] == ',':
                a_end = k if fmt is None else s.index(':', expr_end)
                align = s[expr_end + 1:a_end].strip()
            parts.append(('hole', expr, align, fmt))
            j = k + 1
            continue
        if interp and c == '}' and s[j + 1] == '}':
            buf.append('}'); j += 2; continue
        buf.append(c); j += 1
    parts.append(''.join(buf))
    return j, ('interp' if interp else 'plain'), parts


def split_args(s, i):
    """s[i] is just after '('; returns (end index after ')', [(start, end)] of each argument)."""
    args, depth, start, j = [], 0, i, i
    while True:
        c = s[j]
        if c == '"' or (c in '$@' and s[j + 1] in '"$@'):
            j = read_string(s, j)[0]; continue
        if c == "'":
            j += 3 if s[j + 1] != '\\' else 4; continue
        if c == '/' and s[j + 1] == '/':
            j = s.index('\n', j); continue
        if c in '([{': depth += 1
        elif c in ')]}':
            if depth == 0:
                args.append((start, j)); return j + 1, args
            depth -= 1
        elif c == ',' and depth == 0:
            args.append((start, j)); start = j + 1
        j += 1


def top_level(s, a, b, sep):
    """Splits s[a:b] at top-level occurrences of the one-char operator sep; returns spans."""
    spans, depth, start, j = [], 0, a, a
    while j < b:
        c = s[j]
        if c == '"' or (c in '$@' and s[j + 1] in '"$@'):
            j = read_string(s, j)[0]; continue
        if c == "'":
            j += 3 if s[j + 1] != '\\' else 4; continue
        if c in '([{': depth += 1
        elif c in ')]}': depth -= 1
        elif c == sep and depth == 0 and not (sep == '?' and s[j + 1] in '?.'):
            spans.append((start, j)); start = j + 1
        j += 1
    spans.append((start, b))
    return spans


def literal_pieces(s, a, b):
    """If s[a:b] is a + concatenation of string literals only, returns [(start, end, kind, parts)], else None."""
    pieces = []
    for (x, y) in top_level(s, a, b, '+'):
        t = s[x:y].strip()
        if not t: return None
        st = x + (len(s[x:y]) - len(s[x:y].lstrip()))
        if not (t[0] == '"' or (t[0] in '$@' and t[1] in '"$@')):
            return None
        end, kind, parts = read_string(s, st)
        if s[end:y].strip():
            return None
        pieces.append((st, end, kind, parts))
    return pieces


def template_of(pieces):
    """The composite format the exception will carry, or None when the message binds to the string overload with holes."""
    interpolated = any(k == 'interp' for _, _, k, _ in pieces)
    out, holes = [], []
    for _, _, kind, parts in pieces:
        for p in parts:
            if isinstance(p, tuple):
                n = len(holes); holes.append(p[1])
                out.append('{%d%s%s}' % (n, ',' + p[2] if p[2] else '', ':' + p[3] if p[3] else ''))
            else:
                out.append(p.replace('{', '{{').replace('}', '}}') if interpolated else p)
    return ''.join(out), holes


def sites():
    for base, _, files in os.walk(os.path.join(ROOT, 'src')):
        if '/obj' in base or '/bin' in base: continue
        for f in files:
            if not (f.endswith('.cs') or f.endswith('.razor')): continue
            path = os.path.join(base, f)
            s = open(path, encoding='utf-8').read()
            for m in CALL.finditer(s):
                if s[m.start() - 1:m.start()].isalnum(): pass
                end, args = split_args(s, m.end())
                if len(args) != 2: continue
                yield path, s, m, args


def analyse():
    result = []
    for path, s, m, ((ca, cb), (ma, mb)) in sites():
        code_text = s[ca:cb].strip()
        code = code_text[1:-1] if code_text.startswith('"') and code_text.endswith('"') and CODE.match(code_text[1:-1]) else None
        variants, note = [], None
        pieces = literal_pieces(s, ma, mb)
        if pieces is not None:
            variants.append(template_of(pieces))
        else:
            branches = top_level(s, ma, mb, '?')
            if len(branches) == 2:
                alts = top_level(s, branches[1][0], branches[1][1], ':')
                if len(alts) == 2:
                    for (x, y) in alts:
                        p = literal_pieces(s, x, y)
                        if p is None or any(k == 'interp' and any(isinstance(q, tuple) for q in parts) for _, _, k, parts in p):
                            note = 'conditional with a computed branch'; break
                        variants.append(template_of(p))
            if not variants and note is None:
                note = 'computed message'
        result.append(dict(file=os.path.relpath(path, ROOT), line=s.count('\n', 0, m.start()) + 1, code=code,
                           code_text=code_text, variants=[dict(template=t, holes=h) for t, h in variants], note=note))
    return result


if __name__ == '__main__':
    json.dump(analyse(), sys.stdout, ensure_ascii=False, indent=1)
