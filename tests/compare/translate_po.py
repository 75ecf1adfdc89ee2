#!/usr/bin/env python3
"""translate_po.py [--hostile] FILE...: a volunteer's pass over catalogs,
for compare-outputs.sh. Every untranslated one-line entry gets a
translation: the source in capitals, placeholders kept. With --hostile, one
in seven adds markup the source lacks (which merge must refuse) and one in
eleven drops a placeholder. Deterministic."""
import re
import sys

HOSTILE = False
ENTRY = re.compile(r'^(msgid "((?:[^"\\]|\\.)+)"\n)msgstr ""\n(?!")', re.M)


def translation(msgid, n):
    if HOSTILE and n % 7 == 3:
        return msgid + ' <script>alert(1)</script>'
    if HOSTILE and n % 11 == 5:
        return re.sub(r'<[a-z]+[0-9]*/>', '', msgid, count=1)
    # Capitals outside tags and escapes.
    return re.sub(r'(<[^>]*>|&[a-z]+;|\\.)|([^<&\\]+)',
                  lambda m: m.group(1) or m.group(2).upper(), msgid)


def main():
    global HOSTILE
    paths = sys.argv[1:]
    if paths[:1] == ["--hostile"]:
        HOSTILE = True
        paths = paths[1:]
    for path in paths:
        text = open(path, encoding="utf-8").read()
        count = [0]

        def fill(m):
            count[0] += 1
            return m.group(1) + 'msgstr "' + translation(m.group(2), count[0]) + '"\n'

        open(path, "w", encoding="utf-8").write(ENTRY.sub(fill, text))


if __name__ == "__main__":
    main()
