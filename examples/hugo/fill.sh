#!/bin/sh
# Fills a catalog from a TSV of translations (msgid TAB msgstr; \n, \t, \\
# escapes; lines starting with # are comments), with no gettext tool:
#   sh fill.sh translations-en-es.tsv locales/es.po
#   sh fill.sh --taxonomy translations-taxonomy.tsv locales/taxonomy.toml
# A PO entry is filled when its msgstr is empty or fuzzy and the TSV has its
# msgid: the same text, else the same once runs of whitespace are one space
# (the msgstr then ends in a line break exactly when the msgid does); a
# filled entry loses its fuzzy flag and previous msgid. The taxonomy gets the
# missing English or Spanish name of each category whose other name the TSV
# has (English TAB Spanish). Prints what it did and what it could not match;
# exit 1 when a TSV line or an entry is left unmatched. Run l10n-extract
# afterwards: it writes the files back in its own layout.
set -eu
exec python3 - "$@" <<'PY'
import re, sys

def unescape_tsv(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t', '\\': '\\'}.get(m.group(1), m.group(0)), s)

def read_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            parts = line.split('\t')
            if len(parts) != 2:
                sys.exit(f'{path}:{number}: error: expected msgid TAB msgstr')
            rows.append((unescape_tsv(parts[0]), unescape_tsv(parts[1])))
    return rows

def norm(s):
    return ' '.join(s.split())

PO_ESCAPES = {'n': '\n', 't': '\t', '\\': '\\', '"': '"', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}

def po_unquote(token):
    body = token.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: PO_ESCAPES.get(m.group(1), m.group(0)), body)

def po_quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t') + '"'

def po_field(keyword, value):
    if '\n' not in value[:-1]:
        return [f'{keyword} {po_quote(value)}']
    lines = [f'{keyword} ""']
    for piece in re.findall(r'[^\n]*\n|[^\n]+$', value):
        lines.append(po_quote(piece))
    return lines

def parse_entry(lines):
    """Returns (fields {keyword: (first, last, value)}, flags line index)."""
    fields, current = {}, None
    for i, line in enumerate(lines):
        if line.startswith('"') and current:
            first, _, value = fields[current]
            fields[current] = (first, i, value + po_unquote(line))
            continue
        current = None
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(\[\d+\])?) (".*")\s*$', line)
        if m:
            current = m.group(1)
            fields[current] = (i, i, po_unquote(m.group(3)))
    return fields

def fill_po(tsv_path, po_path):
    rows = read_tsv(tsv_path)
    exact = dict(rows)
    loose = {norm(k): v for k, v in rows}
    present, unmatched, filled = set(), [], 0
    with open(po_path, encoding='utf-8') as f:
        text = f.read()
    blocks = text.split('\n\n')
    out = []
    for block in blocks:
        lines = block.split('\n')
        fields = parse_entry(lines)
        if 'msgid' not in fields or any(l.startswith('#~') for l in lines) or fields['msgid'][2] == '':
            out.append(block)
            continue
        msgid = fields['msgid'][2]
        present.add(norm(msgid))
        flags = [i for i, l in enumerate(lines) if l.startswith('#,')]
        fuzzy = any('fuzzy' in lines[i] for i in flags)
        if 'msgstr' not in fields:
            out.append(block)  # plural entries: none in these posts
            continue
        first, last, msgstr = fields['msgstr']
        if msgstr and not fuzzy:
            out.append(block)
            continue
        if msgid in exact:
            translation, key = exact[msgid], msgid
        elif norm(msgid) in loose:
            translation, key = loose[norm(msgid)], norm(msgid)
        else:
            unmatched.append(msgid)
            out.append(block)
            continue
        translation = translation.rstrip('\n') + ('\n' if msgid.endswith('\n') else '')
        new = lines[:first] + po_field('msgstr', translation) + lines[last + 1:]
        result = []
        for line in new:
            if line.startswith('#|'):
                continue
            if line.startswith('#,') and 'fuzzy' in line:
                rest = [w.strip() for w in line[2:].split(',') if w.strip() != 'fuzzy']
                if rest:
                    result.append('#, ' + ', '.join(rest))
                continue
            result.append(line)
        out.append('\n'.join(result))
        filled += 1
    with open(po_path, 'w', encoding='utf-8') as f:
        f.write('\n\n'.join(out))
    unused = [k for k, _ in rows if norm(k) not in present]
    report(po_path, filled, unmatched, unused)
    return not unmatched and not unused

def report(path, filled, unmatched, unused):
    print(f'{path}: {filled} filled')
    for m in unmatched:
        print(f'{path}: no translation for: {m!r}')
    for k in unused:
        print(f'{path}: not in the catalog: {k!r}')

def toml_quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def fill_taxonomy(tsv_path, path):
    rows = read_tsv(tsv_path)
    es_of = {en: es for en, es in rows}
    en_of = {es: en for en, es in rows}
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    out, table, filled, unmatched, used = [], None, 0, [], set()

    def close():
        nonlocal filled
        if table is None:
            return
        names = table['names']
        for have, want, mapping in (('en', 'es', es_of), ('es', 'en', en_of)):
            if have in names and want not in names:
                name = names[have]
                if name in mapping:
                    used.add(name)
                    line = f'{want} = {toml_quote(mapping[name])}'
                    at = table['end'] if want == 'es' else table['start']
                    out.insert(at, line)
                    filled += 1
                else:
                    unmatched.append(name)

    for line in lines:
        if line.startswith('['):
            close()
            out.append(line)
            table = {'start': len(out), 'end': len(out), 'names': {}}
            continue
        m = re.match(r'\s*([A-Za-z-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$', line)
        if table is not None and m:
            table['names'][m.group(1)] = re.sub(r'\\(.)', r'\1', m.group(2))
            out.append(line)
            table['end'] = len(out)
            continue
        out.append(line)
    close()
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))
    report(path, filled, unmatched, [])
    return not unmatched

args = sys.argv[1:]
if len(args) == 3 and args[0] == '--taxonomy':
    ok = fill_taxonomy(args[1], args[2])
elif len(args) == 2:
    ok = fill_po(args[0], args[1])
else:
    sys.exit('usage: fill.sh [--taxonomy] TSV FILE')
sys.exit(0 if ok else 1)
PY
