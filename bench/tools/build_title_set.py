"""One-off: draft (title, preferred label, source) -> bench/data/titles_nl.tsv with URIs."""
from pathlib import Path
from matcher.taxonomy import Taxonomy
from matcher.linking_eval import LabelledTitle, split_of, write_title_set, label_like
tx = Taxonomy.default()
by_label = {}
for o in tx.occupations:
    by_label.setdefault(o.label, []).append(o.uri)
# Occupations that share a preferred label but are different concepts in ESCO: the mediator's pick.
CHOICE = {"gastheer/gastvrouw": "a1b86a8b", "banketbakker": "e00c46c4", "portier": None, "paardenverzorger": None}
rows = [l.rstrip('\n').split('\t') for l in open('bench/data/titles_nl.draft.tsv', encoding='utf-8') if l.strip()]
labels = [l for o in tx.occupations for l in o.labels] + [g.label for g in tx.isco_groups]
bad = set(label_like([t for t,_,_ in rows], labels))
print("label-like:", len(bad))
for b in sorted(bad): print("  ", b)
items = []
seen=set()
for t, lab, src in rows:
    if t in bad or t.lower() in seen: continue
    seen.add(t.lower())
    uris = by_label[lab]
    pick = CHOICE.get(lab)
    if pick: uris = [u for u in uris if pick in u]
    items.append(LabelledTitle(t, frozenset(uris), lab, src, split_of(t)))
write_title_set(Path('bench/data/titles_nl.tsv'), items)
from collections import Counter
print(len(items), Counter(i.split for i in items), Counter(i.source for i in items))
