"""The hostile inputs of issue #12, each as (name, format, file name, bytes).

One list shared by the reader tests, the CLI tests, the fuzz harness's seeds and the browser test
that uploads each of them; ``format`` is what ``argmap import --from`` / the upload box takes
(``yaml`` for argmap's own map file).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    name: str
    fmt: str
    file_name: str
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


def _alias_bomb(levels: int = 9, width: int = 9) -> str:
    """'Billion laughs': each anchor a list of ``width`` aliases of the one before."""
    lines = ['a0: &a0 "lol"']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * width) + "]")
    return "{" + ", ".join(line.replace(": ", ": ", 1) for line in lines) + "}"


def _merge_chain(levels: int = 24) -> str:
    """A chain of ``<<`` merge keys: each mapping merges the one before twice."""
    lines = ["m0: &m0 {k0: 0}"]
    for level in range(1, levels + 1):
        lines.append(f"m{level}: &m{level} {{<<: [*m{level - 1}, *m{level - 1}], k{level}: {level}}}")
    return "\n".join(lines) + "\n"


_MAP_HEAD = "title: T\nnodes:\n- id: t\n  kind: thesis\n  text: The thesis.\n"
_BIG_NUMBER = "9" * 5000


def _argdown_data(value: str) -> str:
    return f"[A]: The thesis. {{notes: {value}}}\n    <+ [B]: A reason.\n"


def hostile_inputs() -> list[Hostile]:
    """Every input of the issue that a reader must refuse in one line (or read) in well under a second."""
    cases: list[tuple[str, str, str, str]] = [
        ("deep-flow-yaml-map", "yaml", "deep.yaml", "[" * 25000 + "]" * 25000),
        ("deep-block-yaml-map", "yaml", "deep-block.yaml", "- " * 25000 + "x\n"),
        ("deep-flow-argdown-data", "argdown", "deep.argdown", _argdown_data("[" * 25000 + "]" * 25000)),
        (
            "deep-flow-argdown-frontmatter",
            "argdown",
            "deep-front.argdown",
            "===\ntitle: " + "[" * 25000 + "]" * 25000 + "\n===\n\n[A]: text\n",
        ),
        ("alias-bomb-argdown-data", "argdown", "bomb.argdown", f"[A]: The thesis. {_alias_bomb()}\n"),
        (
            "alias-bomb-argdown-frontmatter",
            "argdown",
            "bomb-front.argdown",
            f"===\nbomb: {_alias_bomb()}\n===\n\n[A]: text\n",
        ),
        ("alias-bomb-yaml-map", "yaml", "bomb.yaml", _MAP_HEAD + f"bomb: {_alias_bomb()}\n"),
        ("merge-chain-yaml-map", "yaml", "merge.yaml", _merge_chain() + _MAP_HEAD),
        (
            "merge-chain-argdown-frontmatter",
            "argdown",
            "merge.argdown",
            f"===\n{_merge_chain()}===\n\n[A]: t\n",
        ),
        ("recursive-alias-yaml-map", "yaml", "loop.yaml", "a: &a [*a]\n" + _MAP_HEAD),
        ("argdown-open-comments", "argdown", "comments.argdown", "<!--" * 20000),
        ("argdown-open-brackets", "argdown", "brackets.argdown", "[" * 40000),
        ("argdown-emphasis-marks", "argdown", "emphasis.argdown", "*a " * 10000),
        ("argdown-hashtags", "argdown", "tags.argdown", "#a " * 20000),
        ("argdown-statement-refs", "argdown", "refs.argdown", "[a]" * 20000),
        ("argdown-arguments", "argdown", "args.argdown", "<" * 40000),
        ("argdown-block-comments", "argdown", "block-comments.argdown", "/*" * 20000),
        ("argdown-braces", "argdown", "braces.argdown", "[A]: t " + "{" * 40000),
        (
            "argdown-long-premise-number",
            "argdown",
            "premise.argdown",
            f"<A>\n\n({_BIG_NUMBER}) p\n----\n(2) c\n",
        ),
        ("argdown-frontmatter-list", "argdown", "front-list.argdown", "===\ndirective: [a]\n===\n\n[A]: t\n"),
        (
            "argdown-frontmatter-map-key",
            "argdown",
            "front-key.argdown",
            "===\ntitle: {a: 1}\n===\n\n[A]: t\n",
        ),
        ("aif-deep-json", "aif", "deep.json", "[" * 25000 + "]" * 25000),
        (
            "aif-long-node-id",
            "aif",
            "long.json",
            '{"nodes": [{"nodeID": ' + _BIG_NUMBER + ', "type": "I", "text": "x"}], "edges": []}',
        ),
        (
            "kialo-deep-numbers",
            "kialo",
            "deep.txt",
            "1. T\n" + "".join("1" + ".1" * depth + ". Pro: c\n" for depth in range(1, 400)),
        ),
        ("yaml-map-long-score", "yaml", "score.yaml", _MAP_HEAD + f"  score: {_BIG_NUMBER}\n"),
        ("argdown-data-long-int", "argdown", "long-int.argdown", _argdown_data(_BIG_NUMBER)),
    ]
    for tag, value in (("bool", "maybe"), ("int", "''"), ("float", "x"), ("timestamp", "x")):
        cases.append(
            (f"tag-{tag}-yaml-map", "yaml", f"tag-{tag}.yaml", _MAP_HEAD + f"  score: !!{tag} {value}\n")
        )
        cases.append(
            (f"tag-{tag}-argdown-data", "argdown", f"tag-{tag}.argdown", _argdown_data(f"!!{tag} {value}"))
        )
        cases.append(
            (
                f"tag-{tag}-argdown-frontmatter",
                "argdown",
                f"tag-{tag}-front.argdown",
                f"===\ntitle: !!{tag} {value}\n===\n\n[A]: t\n",
            )
        )
    return [Hostile(name, fmt, file_name, text.encode("utf-8")) for name, fmt, file_name, text in cases]


def hostile_notes() -> list[Hostile]:
    """The notes reader's backtracking inputs (the notes team rewrites that reader)."""
    return [
        Hostile("notes-heading-spaces", "notes", "heading.md", ("## a" + " " * 1000 + "b").encode()),
        Hostile("notes-bullet-spaces", "notes", "bullet.md", ("- a" + " " * 20000 + "b").encode()),
        Hostile("notes-lone-plus", "notes", "plus.txt", b"  + ,"),  # IndexError, found by a property test
        Hostile(
            "notes-nested-bullets",
            "notes",
            "nested.md",
            "".join("  " * depth + "- point\n" for depth in range(1100)).encode(),
        ),
    ]
