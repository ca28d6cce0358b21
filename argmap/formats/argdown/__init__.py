"""Argdown (https://argdown.org) read into a map, and maps written back out as Argdown.

Reading covers the syntax of Argdown's own reference (SYNTAX.md): statements (``[Title]: text``,
references ``[Title]``, mentions ``@[Title]``), arguments (``<Title>: text``, ``<Title>``), relations
``+ - _ ><`` and ``<+ <- <_ +> -> _>`` nested by indentation, premise-conclusion structures
(``(1) … ---- (n)``, expanded inferences ``-- rule {data} --``), ``#tags`` and ``#(long tags)``,
``# headings``, ``=== … ===`` YAML frontmatter, ``{…}`` YAML data, comments, escapes ``\\x``, bold
and italic markers (dropped from the text).

Mapping onto argmap:

- Each equivalence class (all statements sharing a title) is one node: the first definition's text
  is the node's text, the title its label, other differing members go into its notes. A reference
  to a title never defined gives a node whose text is the title.
- Each argument is one node too: its text is its description(s) (else its conclusion, else its
  title), its label the title. A premise-conclusion structure is kept as relations: every premise
  (and intermediate conclusion) supports the argument, and the argument supports its main
  conclusion, as in AIF's premise -> inference -> conclusion; the argument's notes list the
  numbered pcs and any inference rules.
- ``+`` is a support, ``-`` an attack, both from the child to its parent (``+>`` and ``->`` run the
  other way). An undercut ``_`` (an attack on an inference) becomes an attack on the argument node,
  which stands for that inference, with a note. A contradiction ``><`` is symmetric and argmap's
  relations are not: it becomes an attack of the child on the parent, with a note.
- Kinds follow the relation structure (see :mod:`argmap.formats.common`): the most-supported root
  is the thesis, supports are claims, attacks are counterpoints or, on a counterpoint, rebuttals.
  A statement's ``{kind: …, id: …}`` data (what :func:`write_argdown` writes) is used as given.
- Tags become node tags (as slugs); the innermost heading above a definition becomes a tag too
  (headings are Argdown's groups, argmap's dimensions). A heading, like every top-level block,
  runs on to the next empty line, so its text may span several lines (mentions, tags and a final
  ``{data}`` included). A line in it that starts a statement, argument or list item starts that
  element instead (Argdown reports an error there); a relation under a heading is refused. Frontmatter ``title``, ``subTitle`` /
  ``question``, ``conclusion``, ``directive``, ``tags`` and ``vocabulary`` fill the map's fields.
- An untitled paragraph with no relations (prose between the statements) becomes a context node.

Not supported: ``@include(…)`` (argmap reads one file; run ``argdown`` to combine them first) and
statement references by number (``<A>(1)``, ``<A>(1): text``, ``@<A>(1)``: a statement of an
argument named by its number, a syntax Argdown's own lexer has commented out, so that its parser
fails on them too); the reader stops at the first, naming its line and column. Markdown lists are read as
statements. Titles may hold escaped characters: ``[A\\]]: text`` is the statement titled ``A]``.

Writing gives one definition per node, ``[Label]: text #tags {id: …, kind: …}``, with the node's
children listed under it as ``<+ [Child]`` / ``<- [Child]``. Special characters in text are escaped
with a backslash, and line breaks inside a text become spaces, so a map read back gives the same
ids, kinds, labels, tags and relations, and the same text up to white space.
"""

from argmap.formats.argdown.reader import read_argdown
from argmap.formats.argdown.writer import write_argdown

__all__ = ["read_argdown", "write_argdown"]
