"""The map's kinds stay apart for readers with a colour-vision deficiency.

Each kind's fill and border of the default theme are passed through the simulation of
protanopia, deuteranopia and tritanopia by Machado, Oliveira and Fernandes (2009, "A
Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6); the
published matrices at severity 1.0, applied to linear RGB), and every two kinds must still differ
by :data:`MIN_DIFFERENCE` in CIEDE2000 (Sharma, Wu and Dalal 2005, the formula and its test data)
in their fill or their border. Colour is never the only cue: every kind also names itself in its
caption, and the two relations differ in line and arrowhead as well as colour.
"""

from __future__ import annotations

import math
from itertools import combinations

import pytest

from argmap.model import Kind, RelationType
from argmap.render.graph import KIND_WORDS
from argmap.render.themes import DEFAULT

#: Simulation matrices for dichromacy (severity 1.0), rows acting on linear (R, G, B).
MACHADO_2009 = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
#: The smallest CIEDE2000 difference between two kinds. The palette before this check had 6.6
#: between claims and counterpoints under deuteranopia (green and red boxes looked alike) and
#: 7.2 between claims and rebuttals under protanopia; for normal vision its closest pair was 19.8.
MIN_DIFFERENCE = 12.0


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def seen_as(colour: str, deficiency: str | None) -> tuple[float, float, float]:
    """The colour (``#rrggbb``) as CIELAB (D65) for a reader with ``deficiency`` (None: none)."""
    rgb = [_linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    if deficiency:
        rgb = [sum(row[k] * rgb[k] for k in range(3)) for row in MACHADO_2009[deficiency]]
    r, g, b = (min(1.0, max(0.0, channel)) for channel in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    """The CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    (l1, a1, b1), (l2, a2, b2) = one, two
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c**7 / (mean_c**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_big_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    mean_l, mean_cp = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        mean_h = h1 + h2
    elif abs(h1 - h2) <= 180:
        mean_h = (h1 + h2) / 2
    else:
        mean_h = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(mean_h - 30))
        + 0.24 * math.cos(math.radians(2 * mean_h))
        + 0.32 * math.cos(math.radians(3 * mean_h + 6))
        - 0.20 * math.cos(math.radians(4 * mean_h - 63))
    )
    rotation = (
        -math.sin(math.radians(60 * math.exp(-(((mean_h - 275) / 25) ** 2))))
        * 2
        * math.sqrt(mean_cp**7 / (mean_cp**7 + 25**7))
    )
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c, s_h = 1 + 0.045 * mean_cp, 1 + 0.015 * mean_cp * t
    dl, dc, dh_term = (l2 - l1) / s_l, (c2 - c1) / s_c, d_big_h / s_h
    return math.sqrt(dl**2 + dc**2 + dh_term**2 + rotation * dc * dh_term)


@pytest.mark.parametrize(
    ("one", "two", "expected"),
    [  # pairs 1, 7 and 17 of Sharma, Wu and Dalal's test data
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ],
)
def test_the_colour_difference_matches_the_published_test_data(one, two, expected):
    assert ciede2000(one, two) == pytest.approx(expected, abs=1e-4)


def test_the_simulation_keeps_grey_grey_and_turns_red_and_green_alike_for_deuteranopes():
    for deficiency in MACHADO_2009:
        _, a, b = seen_as("#808080", deficiency)
        assert abs(a) < 1.5 and abs(b) < 1.5
    red, green = seen_as("#d00000", "deuteranopia"), seen_as("#5a8a00", "deuteranopia")
    assert ciede2000(red, green) < ciede2000(seen_as("#d00000", None), seen_as("#5a8a00", None)) / 3


@pytest.mark.parametrize("deficiency", [None, *MACHADO_2009])
def test_every_two_kinds_differ_in_colour_under_each_deficiency(deficiency):
    too_close = []
    for (kind, style), (other, other_style) in combinations(DEFAULT.nodes.items(), 2):
        difference = max(
            ciede2000(seen_as(style.fill, deficiency), seen_as(other_style.fill, deficiency)),
            ciede2000(seen_as(style.border, deficiency), seen_as(other_style.border, deficiency)),
        )
        if difference < MIN_DIFFERENCE:
            too_close.append(f"{kind.value}/{other.value}: {difference:.1f}")
    assert not too_close, f"kinds too alike for {deficiency or 'normal vision'}: {too_close}"


def test_kinds_name_themselves_and_relations_differ_in_line_as_well_as_colour():
    assert len({KIND_WORDS[kind] for kind in Kind}) == len(Kind)
    supports, opposes = DEFAULT.edges[RelationType.SUPPORTS], DEFAULT.edges[RelationType.OPPOSES]
    assert supports.style != opposes.style and supports.arrowhead != opposes.arrowhead
