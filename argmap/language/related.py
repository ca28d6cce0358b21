"""Related words of policy writing: different words for one idea that no spelling match can find.

A way-forward item rarely repeats the words of the challenge it answers: "put the proceeds into a
separate fund" answers "selling assets to plug the deficit", "protect employees" answers "workers
fear for their jobs". Each group below is one such idea, written for the vocabulary of any policy
question (money, time, jobs, prices, openness, oversight, rules, evidence, disputes), never for a
topic: no country, body, scheme or sector is named. Words are matched by their lemma, so any
inflected form of a listed word belongs to its group. A word may sit in more than one group.

A shared group is weaker evidence than a shared word: the notes linker counts it at a share of the
weight (see :mod:`argmap.formats.notes.linking`).
"""

from __future__ import annotations

from functools import cache

from argmap.language.lexicon import lemma

#: Ideas of policy writing and the words that name them (separated by spaces).
RELATED: dict[str, str] = {
    "public money": (
        "cost costly expense expensive expenditure spend spending budget budgetary fiscal "
        "deficit debt borrowing revenue proceeds fund funding finance financing money tax "
        "taxation subsidy burden afford affordable outlay payment compensation exchequer"
    ),
    "time taken": (
        "delay pendency pending backlog deadline timeline timely indefinitely slow late lag "
        "wait speedy faster schedule overrun"
    ),
    "jobs": (
        "worker employee staff labour labor workforce job employment unemployment layoff "
        "retrenchment retention wage salary livelihood"
    ),
    "price": "price pricing value valuation valuer undervalue overvalue cheap cheaply auction bid bidding",
    "openness": (
        "transparency transparent disclosure disclose opaque opacity secrecy secret anonymity "
        "anonymous accountability accountable publish"
    ),
    "oversight": (
        "monitor monitoring oversight supervise supervision audit watchdog inspect inspection "
        "track tracking review"
    ),
    "rules": (
        "law legislation statute statutory legal amendment ordinance bill regulation regulate regulator"
    ),
    "compliance": (
        "compliance comply evade evasion enforce enforcement loophole circumvent bypass "
        "violate violation breach"
    ),
    "evidence": "evidence research study data proof prove causation causal correlation correlate",
    "dispute": (
        "dispute conflict disagreement friction tension grievance complaint complain quarrel cheat resentment"
    ),
    "trust": "trust mistrust distrust goodwill confidence suspicion perception",
    "dominance": "dominate dominance dominant control monopoly hegemony veto leverage clout influence",
    "shortage": "shortage scarcity scarce shortfall lack inadequate insufficient",
    "corruption": "corruption corrupt bribe bribery graft kickback cronyism",
    "safety": "safe safety hazard danger dangerous harm harmful accident",
    "trade": "trade export import tariff commerce commercial",
}


@cache
def _groups_by_lemma() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group, listed in RELATED.items():
        for word in listed.split():
            found.setdefault(lemma(word), set()).add(group)
    return {key: frozenset(groups) for key, groups in found.items()}


def related_groups(key: str) -> frozenset[str]:
    """The ideas a lemma names (empty for a word in no group)."""
    return _groups_by_lemma().get(key, frozenset())
