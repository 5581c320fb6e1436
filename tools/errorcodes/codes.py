"""Replaces code literals at DomainException call sites with the *Errors constants, adding a constant (or a class)
for a code that has none yet. Safe to run again: sites that already use a constant are left as they are.

  python3 tools/errorcodes/codes.py      # then: python3 tools/errorcodes/resx.py, and write the Danish texts
"""
import collections, glob, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from scan import ROOT, sites
from apply import ANY_CODE, LAYERS, names, namespace_of


def main():
    classes = {}  # class -> (path, {member: code})
    for f in glob.glob(os.path.join(ROOT, 'src/**/*Errors.cs'), recursive=True):
        text = open(f, encoding='utf-8').read()
        classes[os.path.basename(f)[:-3]] = (f, dict(re.findall(r'public const string (\w+) = "([^"]+)";', text)))
    edits, added, new_classes = collections.defaultdict(list), collections.defaultdict(dict), collections.defaultdict(list)
    for path, s, m, ((ca, cb), _) in sites():
        whole = s[ca:cb].strip()
        if '+' in whole or whole.startswith('$'):
            continue
        for x in re.finditer(r'"([^"\\]*)"', s[ca:cb]):
            code = x.group(1)
            if not ANY_CODE.match(code): continue
            cls, member = names(code)
            if cls not in classes:
                new_classes[cls].append(os.path.relpath(path, ROOT))
            known = classes.get(cls, (None, {}))[1]
            if known.get(member, code) != code or added[cls].get(member, code) != code:
                sys.exit(f'{cls}.{member} would name two codes')
            if member not in known: added[cls][member] = code
            edits[path].append((ca + x.start(), ca + x.end(), f'{cls}.{member}'))
    for path, es in edits.items():
        s = open(path, encoding='utf-8').read()
        for (a, b, text) in sorted(es, reverse=True):
            s = s[:a] + text + s[b:]
        open(path, 'w', encoding='utf-8').write(s)
    for cls, members in added.items():
        if cls in classes:
            f, known = classes[cls]
            known.update(members)
            text = open(f, encoding='utf-8').read()
            head = text[:text.index('{', text.index('public static class')) + 1]
            body = ''.join(f'\n    public const string {mm} = "{c}";' for mm, c in sorted(known.items(), key=lambda kv: kv[1]))
            open(f, 'w', encoding='utf-8').write(head + body + '\n}\n')
            print('added to', cls, ', '.join(members.values()))
        else:
            print('NEW CLASS needed (write it by hand, and its global using):', cls, members, new_classes[cls][:3])
    print(sum(len(e) for e in edits.values()), 'literals replaced')


if __name__ == '__main__':
    main()
