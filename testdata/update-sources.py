#!/usr/bin/env python3
"""Rewrites testdata/corpus/SOURCES.md from the shared corpus's SOURCES.md: one table per corpus section, with
the shared row of every file copied under testdata/corpus/. Run after copying files in: python3 testdata/update-sources.py"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, 'corpus')
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', 'shared', 'corpus', 'SOURCES.md')
copied = sorted(os.path.relpath(os.path.join(r, f), corpus) for r, _, fs in os.walk(corpus) for f in fs if f != 'SOURCES.md')

sections = {}  # section -> (header, separator, {local: row})
section = None
lines = open(shared, encoding='utf-8').read().splitlines()
for i, line in enumerate(lines):
    if line.startswith('## '):
        section = line[3:].split()[0].rstrip('/')
        continue
    if section and line.startswith('| Local path'):
        sections[section] = (line, lines[i + 1], {})
    elif section in sections and line.startswith('|') and not line.startswith('|---'):
        sections[section][2][line.split('|')[1].strip()] = line

out = ['# Corpus sources (subset)', '',
       'Copies of the shared corpus files the tests read, at the same relative paths, with their rows from the shared',
       "corpus's SOURCES.md (local paths are relative to the section's directory). All are MIT or Apache-2.0.", '']
missing = []
for name, (header, sep, rows) in sections.items():
    mine = [rows[c[len(name) + 1:]] for c in copied if c.startswith(name + '/') and c[len(name) + 1:] in rows]
    if mine:
        out += ['## ' + name + '/', '', header, sep] + mine + ['']
for c in copied:
    name = c.split('/')[0]
    if name not in sections or c[len(name) + 1:] not in sections[name][2]:
        missing.append(c)
open(os.path.join(corpus, 'SOURCES.md'), 'w', encoding='utf-8').write('\n'.join(out))
if missing:
    sys.exit('no SOURCES.md row for: ' + ', '.join(missing))
