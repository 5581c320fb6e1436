"""Keeps src/Kasse.Domain/Errors.resx (English) in step with the throw sites, and merges Danish texts into Errors.da.resx.

  python3 tools/errorcodes/resx.py [texts.tsv ...]

Every message template found at a DomainException call site (resolved through the *Errors constants) gets a key:
the code, or code#2, code#3 … for a second, third … text of the same code. Existing keys keep their number. Danish
comes from Errors.da.resx and from the given files (key<TAB>text). Lists templates with no Danish and keys no site uses."""
import collections, glob, os, re, sys
import xml.etree.ElementTree as ET
sys.path.insert(0, os.path.dirname(__file__))
from scan import ROOT, sites, literal_pieces, template_of, top_level
from apply import write_resx

EN = os.path.join(ROOT, 'src/Kasse.Domain/Errors.resx')
DA = os.path.join(ROOT, 'src/Kasse.Domain/Errors.da.resx')


def read_resx(path):
    if not os.path.exists(path): return {}
    out = {}
    for d in ET.parse(path).getroot().findall('data'):
        c = d.find('comment')
        out[d.get('name')] = (d.find('value').text or '', c.text if c is not None else '')
    return out


def constants():
    names = {}
    for f in glob.glob(os.path.join(ROOT, 'src/**/*Errors.cs'), recursive=True):
        cls = os.path.basename(f)[:-3]
        for m in re.finditer(r'public const string (\w+) = "([^"]+)";', open(f, encoding='utf-8').read()):
            names[f'{cls}.{m.group(1)}'] = m.group(2)
    return names


def site_templates():
    names = constants()
    found = collections.defaultdict(list)
    for path, s, m, ((ca, cb), (ma, mb)) in sites():
        codes = [names[x] for x in re.findall(r'\b\w+Errors\.\w+', s[ca:cb]) if x in names]
        pieces = literal_pieces(s, ma, mb)
        variants = [template_of(pieces)] if pieces is not None else []
        if pieces is None:
            branches = top_level(s, ma, mb, '?')
            alts = top_level(s, branches[1][0], branches[1][1], ':') if len(branches) == 2 else []
            ps = [literal_pieces(s, x, y) for (x, y) in alts] if len(alts) == 2 else []
            if ps and all(p is not None and not any(isinstance(q, tuple) for _, _, _, parts in p for q in parts) for p in ps):
                variants = [template_of(p) for p in ps]
        for code in codes:
            for t in variants:
                if t[0] not in [x[0] for x in found[code]]:
                    found[code].append(t)
    return names, found


def main(extra):
    english, danish = read_resx(EN), read_resx(DA)
    for f in extra:
        # key<TAB>Danish, or key<TAB>English<TAB>Danish for a text no throw site spells out (the UI's own words)
        for line in open(f, encoding='utf-8'):
            if '\t' in line:
                parts = line.rstrip('\n').split('\t')
                if len(parts) == 3:
                    english[parts[0]] = (parts[1], 'written in the UI\'s words, or chosen at run time')
                danish[parts[0]] = (parts[-1], '')
    names, found = site_templates()
    by_template = {(k.split('#')[0], v): k for k, (v, _) in english.items()}
    used = set()
    for code, ts in found.items():
        for t, holes in ts:
            key = by_template.get((code, t))
            if key is None:
                n = 1
                while (f'{code}#{n}' if n > 1 else code) in english: n += 1
                key = f'{code}#{n}' if n > 1 else code
                english[key] = (t, '')
            english[key] = (t, '; '.join(f'{{{i}}} = {h}' for i, h in enumerate(holes)) or english[key][1])
            used.add(key)
    rows = sorted(english.items(), key=lambda kv: (kv[0].split('#')[0], int(kv[0].split('#')[1]) if '#' in kv[0] else 1))
    write_resx(EN, [(k, v, c) for k, (v, c) in rows])
    write_resx(DA, [(k, danish[k][0], '') for k, _ in rows if k in danish])
    for k, (v, _) in rows:
        if k not in danish: print('no Danish:', k, '|', v)
        if k not in used: print('no site uses:', k, '|', v)
    for code in sorted(set(names.values()) - {k.split('#')[0] for k in english}):
        print('no text at all:', code)


if __name__ == '__main__':
    main(sys.argv[1:])
