"""Small helpers for the sentences the CLI and the app print."""

from __future__ import annotations

#: What a debate calls the side for and the side against the motion, when no format names them.
DEBATE_SIDES = {"for": "proposition", "against": "opposition"}


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``1 node``, ``2 nodes``, ``0 nodes``; ``plural`` for words that do not just take an s."""
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


__all__ = ["DEBATE_SIDES", "counted"]
