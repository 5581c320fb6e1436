"""One-off: turns DomainException code literals into named constants per capability (SaleErrors.NotFound =
"sale.not-found"), gives mixed literal concatenations a $ so the whole message is one interpolated string, and writes
the English templates to src/Kasse.Domain/Errors.resx. Kept for reference; new codes are added by hand."""
import collections, os, re, sys
from xml.sax.saxutils import escape
sys.path.insert(0, os.path.dirname(__file__))
from scan import ROOT, CODE, sites, literal_pieces, template_of, top_level

LAYERS = ['Kasse.Domain', 'Kasse.Application', 'Kasse.Server']
ANY_CODE = re.compile(r'^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$')


def pascal(text):
    text = text.replace('mobilepay', 'mobile-pay')
    return ''.join(w[:1].upper() + w[1:] for w in re.split(r'[.-]', text) if w)


def names(code):
    if '.' not in code:
        return 'RequestErrors', pascal(code)
    prefix, rest = code.split('.', 1)
    member = pascal(rest)
    if member[0].isdigit(): member = '_' + member
    return pascal(prefix) + 'Errors', member


def namespace_of(folder):
    for f in sorted(os.listdir(os.path.join(ROOT, folder))):
        if f.endswith('.cs'):
            m = re.search(r'^namespace ([\w.]+)', open(os.path.join(ROOT, folder, f), encoding='utf-8').read(), re.M)
            if m: return m.group(1)
    return folder[len('src/'):].replace('/', '.')


def main():
    edits = collections.defaultdict(list)       # path -> [(start, end, text)]
    uses = collections.defaultdict(list)        # class -> [(layer, folder)]
    members = collections.defaultdict(dict)     # class -> member -> code
    templates = collections.defaultdict(list)   # code -> [(template, holes)]
    for path, s, m, ((ca, cb), (ma, mb)) in sites():
        rel = os.path.relpath(path, ROOT)
        layer = rel.split('/')[1]
        # every whole code literal in the code argument (a plain one, or both sides of a conditional)
        literals = [(x.start(), x.end(), x.group(1)) for x in re.finditer(r'"([^"\\]*)"', s[ca:cb])]
        whole = s[ca:cb].strip()
        if literals and not ('+' in whole or whole.startswith('$')):
            for (a, b, code) in literals:
                if not ANY_CODE.match(code): continue
                cls, member = names(code)
                if members[cls].get(member, code) != code:
                    sys.exit(f'{cls}.{member} would name both {code} and {members[cls][member]}')
                members[cls][member] = code
                uses[cls].append((layer, os.path.dirname(rel)))
                edits[path].append((ca + a, ca + b, f'{cls}.{member}'))
        codes = [c for (_, _, c) in literals if ANY_CODE.match(c)] if literals and not ('+' in whole or whole.startswith('$')) else []
        pieces = literal_pieces(s, ma, mb)
        variants = []
        if pieces is not None:
            if any(k == 'interp' for _, _, k, _ in pieces) and any(k == 'plain' for _, _, k, _ in pieces):
                for (a, b, kind, _) in pieces:
                    if kind == 'plain':
                        raw = s[a:b].replace('{', '{{').replace('}', '}}')
                        edits[path].append((a, b, '$' + raw))
                pieces = [(a, b, 'interp', p) for (a, b, _, p) in pieces]
            variants.append(template_of(pieces))
        else:
            branches = top_level(s, ma, mb, '?')
            if len(branches) == 2:
                alts = top_level(s, branches[1][0], branches[1][1], ':')
                ps = [literal_pieces(s, x, y) for (x, y) in alts] if len(alts) == 2 else []
                if ps and all(p is not None and not any(isinstance(q, tuple) for _, _, _, parts in p for q in parts) for p in ps):
                    variants += [template_of(p) for p in ps]
        for code in codes:
            for t in variants:
                if t[0] not in [x[0] for x in templates[code]]:
                    templates[code].append(t)
    for path, es in edits.items():
        s = open(path, encoding='utf-8').read()
        for (a, b, text) in sorted(es, reverse=True):
            s = s[:a] + text + s[b:]
        open(path, 'w', encoding='utf-8').write(s)
    # each class goes to the lowest layer that uses it, in the folder that uses it most
    placed = {}
    for cls, us in uses.items():
        layer = min((l for l, _ in us), key=LAYERS.index)
        folder = collections.Counter(f for l, f in us if l == layer).most_common(1)[0][0]
        if cls == 'RequestErrors': folder = 'src/Kasse.Domain'
        ns = namespace_of(folder)
        placed[cls] = (layer if cls != 'RequestErrors' else 'Kasse.Domain', ns)
        lines = [f'namespace {ns};', '',
                 f'/// <summary>The codes (DomainException.Code) of this capability\'s refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>',
                 f'public static class {cls}', '{']
        for member, code in sorted(members[cls].items(), key=lambda kv: kv[1]):
            lines.append(f'    public const string {member} = "{code}";')
        lines.append('}')
        open(os.path.join(ROOT, folder, cls + '.cs'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
    for i, layer in enumerate(LAYERS):
        visible = sorted(c for c, (l, _) in placed.items() if LAYERS.index(l) <= i)
        body = ['// The error-code classes by their short names, so a throw reads DomainException.Conflict(SaleErrors.NotOpen, …).']
        body += [f'global using {c} = {placed[c][1]}.{c};' for c in visible]
        open(os.path.join(ROOT, 'src', layer, 'ErrorCodeUsings.cs'), 'w', encoding='utf-8').write('\n'.join(body) + '\n')
    # English templates, keyed by code (a second, third … text of the same code as code#2, code#3)
    rows = []
    for code in sorted(templates):
        for n, (t, holes) in enumerate(templates[code]):
            key = code if n == 0 else f'{code}#{n + 1}'
            rows.append((key, t, '; '.join(f'{{{i}}} = {h}' for i, h in enumerate(holes))))
    write_resx(os.path.join(ROOT, 'src/Kasse.Domain/Errors.resx'), rows)
    missing = sorted(set(c for cls in members.values() for c in cls.values()) - set(templates))
    print(len(rows), 'texts;', 'codes without a literal text:', ' '.join(missing))


def write_resx(path, rows):
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<root>',
           '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
           '  <resheader name="version"><value>2.0</value></resheader>',
           '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
           '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
    for key, value, comment in rows:
        out.append(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve">')
        out.append(f'    <value>{escape(value)}</value>')
        if comment: out.append(f'    <comment>{escape(comment)}</comment>')
        out.append('  </data>')
    out.append('</root>')
    open(path, 'w', encoding='utf-8').write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
