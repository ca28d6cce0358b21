"""What the words of a note say about its points: the heading vocabulary and the cue words.

A heading names the role of the points under it (``Challenges ahead``: counterpoints;
``What India should do``: recommendations; ``Arguments against``: counterpoints, the negation read
before the topic). When the heading is neutral or absent, a point's own words decide: difficulty
and criticism for a counterpoint, ``should`` / ``need to`` / ``must`` for a recommendation, an
opening ``However`` or ``This is countered by`` for an answer, a dated past for background. The
note's own position is told by its stance words (``Thus``, ``In conclusion``, ``is flawed at its
core``).

Matching is by whole words and phrases on lower-cased text with punctuation made spaces, so each
test is a substring search on a bounded string: nothing here can backtrack.
"""

from __future__ import annotations

import re

from argmap.formats.notes.facts import sentences
from argmap.model import Kind

# Phrases are matched on " words of the text " with single spaces, so " issue" also finds "issues".
_HEADING_VOCABULARY: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.CONTEXT, (" in news", " in the news", " background", " introduction", " intro ", " context ")),
    (
        Kind.THESIS,
        (
            " conclusion",
            " concluding",
            " verdict",
            " hot take",
            " my view",
            " my take",
            " our view",
            " stance",
            " bottom line",
            " final word",
            " final take",
            " my position",
            " our position",
            " position taken",
            " position in one line",
            " position ",
            " our line",
            " thesis",
            " summary",
            " synopsis",
            " tl;dr",
            " exam line",
            " the answer",
            " judgement",
            " judgment",
            " takeaway",
        ),
    ),
    (
        Kind.REBUTTAL,
        (
            " rebuttal",
            " response",
            " responses",
            " replies",
            " reply",
            " answers to",
            " answering",
            " counter to",
            " countering",
            " addressing the",
            " myths",
            " refut",
            " answers",
            " answered",
            " counters",
            " comebacks",
            " come-backs",
        ),
    ),
    (
        Kind.CLAIM,
        (
            " for the motion",
            " defending the motion",
            " proposition ",
            " prop ",
            " pro ",
            " aff ",
            " affirmative",
            " our side",
        ),
    ),
    (
        Kind.COUNTERPOINT,
        (
            " opp ",
            " neg ",
            " negative",
            " against",
            " cons ",
            " con ",
            " opposition",
            " opponents",
            " oppose",
            " critic",
            " criticism",
            " challenge",
            " irritant",
            " concern",
            " issue",
            " hurdle",
            " obstacle",
            " problem",
            " limitation",
            " divergence",
            " differences",
            " friction",
            " constraint",
            " risk",
            " bottleneck",
            " impediment",
            " difficult",
            " drawback",
            " weakness",
            " threat",
            " demerit",
            " disadvantage",
            " downside",
            " flaw",
            " shortcoming",
            " gaps",
            " loophole",
            " fault line",
            " pitfall",
            " negative",
            " worries",
            " tension",
            " stumbling",
            " roadblock",
            " pain point",
            " areas of friction",
            " why not",
            " fail",
            " red flag",
            " caveat",
            " failures",
            " lacunae",
            " grey area",
            " gray area",
            " causes",
            " factors behind",
            " factors responsible",
            " root cause",
            " gone wrong",
            " went wrong",
            " goes wrong",
            " what ails",
            " their side",
            " their case",
            " their arguments",
            " they will say",
            " the other side",
            " objections",
            " dangers",
            " harms",
            " costs of",
        ),
    ),
    (
        Kind.RECOMMENDATION,
        (
            " way forward",
            " way ahead",
            " road ahead",
            " path ahead",
            " the way out",
            " recommend",
            " suggestion",
            " measures",
            " steps",
            " what should",
            " what needs",
            " what india should",
            " what can be done",
            " should do",
            " solution",
            " remed",
            " reforms needed",
            " need of the hour",
            " policy options",
            " what next",
            " fixes",
            " to do",
            " action points",
            " going forward",
            " prescription",
            " suggested",
            " proposals",
            " options",
            " alternative",
            " better way",
            " instead",
            " how to ",
            " the fix",
            " what can india",
            " way fwd",
            " how can ",
            " how should ",
            " how do we ",
            " overcome",
            " tackle",
            " the fix",
        ),
    ),
    (
        Kind.CLAIM,
        (
            " pros ",
            " in favour",
            " in favor",
            " case for",
            " proponents",
            " supporters",
            " significance",
            " significant",
            " convergence",
            " importance",
            " important",
            " opportunit",
            " benefit",
            " advantage",
            " merit",
            " achievement",
            " pillar",
            " strength",
            " why it matters",
            " why does it matter",
            " why is it",
            " why india needs",
            " need for",
            " positive",
            " potential",
            " gains",
            " areas of cooperation",
            " cooperation",
            " rationale",
            " justification",
            " arguments for",
            " support",
            " upside",
            " promise",
            " success",
            " relevance",
            " what works",
            " what has worked",
            " achiev",
            " strategic importance",
            " areas of convergence",
            " complementarit",
            " defending",
            " government ",
            " gov ",
            " contention",
            " our case",
            " our arguments",
            " argument ",
            " converge",
            " common ground",
            " drivers",
            " reasons",
            " why ",
            " for ",
        ),
    ),
    (
        Kind.CONTEXT,
        (
            " background",
            " introduction",
            " intro",
            " context",
            " about",
            " overview",
            " history",
            " in news",
            " in the news",
            " news",
            " key facts",
            " facts",
            " key data",
            " recap",
            " at a glance",
            " snapshot",
            " in numbers",
            " by the numbers",
            " what is",
            " timeline",
            " basics",
            " evolution",
            " origin",
            " definition",
            " the story so far",
            " recent developments",
            " current status",
            " status",
            " key terms",
            " features",
            " provisions",
            " key highlights",
            " highlights",
            " summary of the",
            " what happened",
            " say ",
            " says ",
            " provide ",
            " provides ",
        ),
    ),
)

_ANSWER_OPENINGS = (
    "however",
    "but ",
    "yet ",
    "this is countered",
    "this can be countered",
    "counter:",
    "in response",
    "on the other hand",
    "nevertheless",
    "nonetheless",
    "still,",
    "that said",
    "this ignores",
    "this overlooks",
    "this misses",
    "this argument ignores",
    "rebuttal",
    "response:",
    "reply:",
    "answer:",
    "we answer",
    "our answer",
    "we reply",
    "we respond",
    "in reply",
    "in reality",
    "actually,",
    "the answer is",
    "critics forget",
    "this concern is",
    "this fear is",
    "such fears",
    "these fears",
    "these concerns",
    "this worry",
    "admittedly",
    "that is true",
    "this is true",
    "true, but",
    "granted,",
)

_RECOMMENDATION_CUES = (
    " should ",
    " should be ",
    " need to ",
    " needs to ",
    " must ",
    " ought ",
    " there is a need",
    " it is necessary",
    " it is time",
    " has to be ",
    " have to be ",
    " recommend",
    " it is important to",
    " it is imperative",
    " requires ",
    " can be addressed",
    " can be resolved",
    " the way forward",
    " way ahead",
    " by setting up",
    " would help",
    " will help address",
)
_IMPERATIVE_OPENINGS = (
    "strengthen",
    "promote",
    "ensure",
    "expand",
    "build",
    "invest",
    "create",
    "establish",
    "develop",
    "improve",
    "enhance",
    "diversify",
    "resolve",
    "address",
    "reform",
    "adopt",
    "set up",
    "bring",
    "deepen",
    "focus",
    "encourage",
    "increase",
    "reduce",
    "use ",
    "leverage",
    "engage",
    "negotiate",
    "fast-track",
    "fast track",
    "speed up",
    "push for",
    "work with",
    "work towards",
    "prioritise",
    "prioritize",
    "revive",
    "revitalise",
    "revitalize",
    "boost",
    "tap ",
    "upgrade",
    "make ",
    "allow",
    "introduce",
    "implement",
    "institutionalise",
    "institutionalize",
    "cooperate",
    "co-develop",
    "conclude",
    "sign ",
    "launch",
    "provide",
    "offer",
    "fund",
    "train",
    "phase",
    "pursue",
    "complete",
    "streamline",
    "simplify",
    "restore",
    "rebuild",
    "hold ",
    "seek",
    "consider",
    "explore",
)

_COUNTERPOINT_CUES = (
    " concern",
    " challenge",
    " problem",
    " issue",
    " risk",
    " threat",
    " deficit",
    " delay",
    " decline",
    " tension",
    " dispute",
    " conflict",
    " strain",
    " irritant",
    " hostil",
    " expansionis",
    " mistrust",
    " distrust",
    " suspicion",
    " rivalry",
    " clash",
    " imbalance",
    " hurdle",
    " obstacle",
    " setback",
    " divergen",
    " friction",
    " critics",
    " criticis",
    " opponents",
    " oppose",
    " against",
    " lack",
    " fail",
    " stalled",
    " slow",
    " costly",
    " cost ",
    " costs ",
    " cost of",
    " burden",
    " undermine",
    " weaken",
    " hamper",
    " impede",
    " hinder",
    " worr",
    " alarm",
    " sanction",
    " difficult",
    " drawback",
    " dependence",
    " dependent on",
    " over-reliance",
    " overreliance",
    " vulnerab",
    " loss",
    " losing",
    " lose",
    " fear",
    " danger",
    " harm",
    " damage",
    " erode",
    " erosion",
    " dilute",
    " violat",
    " excessive",
    " shortfall",
    " shortage",
    " gap ",
    " gaps",
    " inadequate",
    " insufficient",
    " poor ",
    " weak ",
    " unresolved",
    " pending",
    " stuck",
    " limited",
    " only ",
    " not ",
    " no ",
    " never ",
    " cannot",
    " can't",
    " unable",
    " barely",
    " uncertain",
    " opaque",
    " controvers",
    " backlash",
    " protest",
    " tilt",
    " pivot to",
    " debt trap",
    " encroach",
    " incursion",
    " terror",
    " infiltrat",
    " piracy",
    " disrupt",
    " overlap",
    " misuse",
    " abuse",
    " corrupt",
    " inflation",
    " unemployment",
    " complain",
    " accused",
    " allege",
    " skeptic",
    " sceptic",
    " doubt",
    " wary",
    " anxiet",
    " pressure",
    " squeeze",
    " burdens",
    " strained",
    " downturn",
    " fell ",
    " fallen ",
    " falling",
    " blame",
    " resent",
    " anger",
    " grievance",
    " bully",
    " coerc",
    " blockade",
    " nepotism",
    " secrecy",
    " opacity",
    " vacanc",
    " backlog",
    " pile up",
    " narrow",
)
#: Cue words too common to count fully: half a cue each.
_WEAK_COUNTERPOINT_CUES = frozenset(
    {"only", "not", "no", "never", "limited", "lose", "loss", "pressure", "tilt"}
)

_CLAIM_CUES = (
    " benefit",
    " boost",
    " strengthen",
    " help",
    " enable",
    " improve",
    " support",
    " cooperation",
    " partner",
    " advantage",
    " opportunit",
    " gain",
    " in favour",
    " in favor",
    " proponents",
    " supporters",
    " significan",
    " important",
    " key ",
    " pillar",
    " growth",
    " save",
    " saves",
    " reduce",
    " reduces",
    " promote",
    " ensures",
    " ensure",
    " enhance",
    " secure",
    " stability",
    " stable",
    " trust",
    " friend",
    " ally",
    " allies",
    " largest",
    " major",
    " crucial",
    " vital",
    " common ",
    " shared ",
    " converge",
    " synerg",
    " complement",
    " mutual",
    " natural ",
    " success",
    " achievement",
    " positive",
    " progress",
    " efficien",
    " accountab",
    " transparen",
    " empower",
    " investment",
    " invest",
    " investor",
    " lifeline",
    " backing",
    " backed",
    " welcome",
    " good ",
    " better ",
    " best ",
    " win ",
    " wins ",
    " strong",
    " robust",
    " resilien",
    " deepen",
    " expanded",
    " expanding",
    " grown",
    " growing",
    " rising",
    " increase",
    " increased",
    " contribut",
    " provides",
    " offers",
    " allows",
    " cheaper",
    " cheap",
    " affordable",
    " protect",
    " safeguard",
    " assist",
    " help ",
    " aid ",
    " advocates",
    " argue that",
    " says ",
    " say ",
)

_CONTEXT_CUES = (
    " was established",
    " were established",
    " established in",
    " was signed",
    " were signed",
    " was founded",
    " founded in",
    " dates back",
    " date back",
    " since independence",
    " historically",
    " traditionally",
    " in the past",
    " was set up",
    " was launched",
    " was held",
    " were held",
    " took place",
    " visited",
    " recently",
    " announced",
    " held ",
    " met ",
    " agreed ",
    " reviewed",
    " is located",
    " lies ",
    " consists of",
    " comprises",
    " refers to",
    " means ",
    " is defined",
    " was introduced",
    " first proposed",
    " was first",
    " committee",
    " commission",
    " report ",
    " headed by",
    " chaired",
)

_STANCE_OPENINGS = (
    "tl;dr",
    "tldr",
    "in a nutshell",
    "in conclusion",
    "to conclude",
    "to sum up",
    "to summarise",
    "to summarize",
    "in sum",
    "in summary",
    "thus",
    "therefore",
    "hence",
    "overall",
    "on balance",
    "all in all",
    "ultimately",
    "in the end",
    "my view",
    "my take",
    "our view",
    "i argue",
    "i believe",
    "i think",
    "we argue",
    "we believe",
    "the verdict",
    "verdict",
    "hot take",
    "bottom line",
    "in short",
    "taken together",
    "clearly",
    "the note argues",
    "this note argues",
    "in my opinion",
    "in my view",
    "in our view",
    "i would argue",
    "my stand",
    "our stand",
    "my argument",
    "our argument",
    "my position",
    "our position",
    "i contend",
    "i will argue",
    "this post argues",
    "this essay argues",
    "this article argues",
    "this answer argues",
)
#: Openings in which the writer states a position as their own: read in any early sentence.
_FIRST_PERSON_STANCES = frozenset(
    {
        "my view",
        "my take",
        "i argue",
        "i would argue",
        "i will argue",
        "i contend",
        "in my opinion",
        "in my view",
        "my stand",
        "my argument",
        "my position",
        "this post argues",
        "this essay argues",
        "this article argues",
        "this answer argues",
        "this note argues",
    }
)
_STANCE_PHRASES: tuple[str, ...] = (
    " despite ",
    " remain strong",
    " remains strong",
    " remained strong",
    " at its core",
    " fundamentally",
    " the way to",
    " is the answer",
    " is essential",
    " is indispensable",
    " must be seen",
    " should be adopted",
    " outweigh",
    " is a good idea",
    " is worth",
    " is necessary",
    " is the right",
    " stands to gain",
    " the need of the hour",
    " remains a",
    " remains the",
    " continues to be",
    " natural partner",
    " indispensable",
    " cornerstone",
    " is vital",
    " is crucial",
    " cannot be ignored",
    " desirable",
    " deserves ",
    " must be ",
    " should ",
    " is here to stay",
    " will remain",
    " is best seen as",
    " better road",
    " better path",
    " is the better",
    " edges it",
    " have failed",
    " needs a reset",
    " need a reset",
    " needs reform",
    " need reform",
    " is overdue",
    " are overdue",
    " is long overdue",
    " edges it",
    " better road",
    " better path",
    " is the better",
    " on balance",
)
_AGAINST_PROPOSAL = (
    " is flawed",
    " are flawed",
    " is a flawed",
    " should not be",
    " should be scrapped",
    " should be dropped",
    " should be rejected",
    " should be abandoned",
    " is not the answer",
    " does more harm",
    " do more harm",
    " more harm than good",
    " is a bad idea",
    " is misguided",
    " is counterproductive",
    " ill-conceived",
    " unworkable",
    " undesirable",
    " is unnecessary",
    " is not worth",
    " oppose the",
    " against the motion",
    " the motion should fall",
    " not a good idea",
    " is the wrong",
    " should not ",
    " must not ",
    " cannot work",
    " will not work",
    " won't work",
    " is a mistake",
    " would be a mistake",
    " is dangerous",
    " cannot be defended",
    " indefensible",
    " has failed",
    " must go",
    " must be replaced",
    " right to resist",
    " resist it",
    " is protectionism",
    " dressed as",
    " should resist",
    " must resist",
    " should reject",
    " should drop",
    " should scrap",
    " should abandon",
    " should shelve",
    " should withdraw",
    " should repeal",
    " should be shelved",
    " should be withdrawn",
    " should be repealed",
    " should be rolled back",
    " must be scrapped",
    " must be dropped",
    " a bad bargain",
    " a bad deal",
    " a poor bargain",
)
#: A position that rejects a proposal is a stated position too.
_STANCE_PHRASES += _AGAINST_PROPOSAL
_MOTION_OPENINGS = (
    "this house",
    "thbt",
    "thw ",
    "thw:",
    "thr ",
    "thr:",
    "thp ",
    "thp:",
    "this house would",
    "this house believes",
)
_FOR_SIDE = (
    "proponents",
    "supporters",
    "advocates",
    "those in favour",
    "those in favor",
    "the government argues",
    "for the motion",
    "the case for",
    "in favour",
    "in favor",
    "pro:",
    "for:",
    "the proposition",
    "government side",
    "side for",
)
_AGAINST_SIDE = (
    "opponents",
    "critics",
    "detractors",
    "sceptics",
    "skeptics",
    "those against",
    "against the motion",
    "the case against",
    "con:",
    "against:",
    "the opposition",
    "opposition side",
    "side against",
    "others argue",
    "some argue",
    "others say",
    "some say",
    "many say",
    "some believe",
    "the other side will",
    "they will say",
    "they will tell",
    "they will argue",
    "they will claim",
)


def spaced(text: str) -> str:
    """Lower-cased text with every non-word character a space, padded: `` words of the text ``."""
    chars = [ch if ch.isalnum() or ch in "'’-" else " " for ch in text.lower()]
    return " " + " ".join("".join(chars).replace("’", "'").split()) + " "


def _found(text: str, phrases: tuple[str, ...]) -> list[str]:
    return [phrase.strip() for phrase in phrases if phrase in text]


def heading_role(heading: str) -> tuple[Kind, str] | None:
    """The kind of the points under ``heading`` and the word that says so, or None when the
    heading only names a topic. Negations (``against``, ``cons``, ``opposition``) come before the
    topic words, so ``Arguments against`` is read as counterpoints, ``Case for`` as claims. A
    question heading with none of these words is read by the cue words a point would be
    (``What has gone wrong?``, ``What must be done``)."""
    text = spaced(heading)
    if len(text) > 160:
        return None
    found = _heading_vocabulary(heading, text)
    if found is not None and found[0] is Kind.CLAIM and found[1].strip() in ("why", "reasons", "drivers"):
        trouble = _found(text, _TROUBLE_WORDS)
        if trouble:
            # "Why it is hard", "Why I'm not convinced": the question word names no side, these do
            return Kind.COUNTERPOINT, trouble[0]
    if found is not None or not _asks(text):
        return found
    if recommendation_cue(heading) is not None:
        return Kind.RECOMMENDATION, recommendation_cue(heading) or ""
    against = counterpoint_cues(heading)
    if against:
        return Kind.COUNTERPOINT, against[0]
    return None


# Questions that ask for content; a yes/no question (``Should India ban crypto?``) names a topic.
_QUESTION_WORDS = (" what ", " why ", " how ", " which ", " where ", " who ")


#: Words that turn a heading's weak claim word (``why``, ``reasons``) against: ``Why it is hard``,
#: ``Why I'm not convinced``, ``Reasons it fails``.
_TROUBLE_WORDS = (
    " hard",
    " harder",
    " difficult",
    " not ",
    " never",
    " wrong",
    " doubt",
    " fail",
    " worr",
    " fear",
    " harm ",
    " harms",
    " hurt",
    " struggl",
    " stuck",
    " unconvinced",
    " sceptic",
    " skeptic",
    " won't",
    " cannot",
    " can't",
    " doesn't",
    " don't",
    " isn't",
    " against",
    " falls short",
)


def _asks(text: str) -> bool:
    """Whether a heading (as :func:`spaced` gives it) asks something: it opens with a question word."""
    return text[: text.find(" ", 1) + 1] in _QUESTION_WORDS


def _heading_vocabulary(heading: str, text: str) -> tuple[Kind, str] | None:
    for kind, phrases in _HEADING_VOCABULARY:
        found = _found(text, phrases)
        if found:
            if (
                kind is Kind.CLAIM
                and found == ["for"]
                and not _found(text, (" arguments", " case", " points", " reasons", " side", " motion"))
                and _words(heading) > 2
            ):
                continue
            return kind, found[0]
    return None


def _words(text: str) -> int:
    return len(text.split())


def _phrases(listed: str) -> tuple[str, ...]:
    """Phrases written ``a|b c|d`` as :func:`spaced` text finds them: `` a``, `` b c``, `` d``."""
    return tuple(" " + phrase for phrase in listed.split("|"))


#: A court case note: the parties' sides as its headings name them, and what the court decided.
_PETITIONER = _phrases("petitioner|appellant|applicant|plaintiff|challenger")
_RESPONDENT = _phrases(
    "respondent|union |state |government|centre |center |defendant|solicitor general|attorney general"
)
_PLEADING = _phrases("argument|contention|submission|plea|case |side|argued|said")
_FOR_PETITIONER = _phrases(
    "struck down|strike down|strikes down|quashed|set aside|unconstitutional|allowed the petition|"
    "allowed the appeal|in favour of the petitioner|in favor of the petitioner"
)
_FOR_RESPONDENT = _phrases(
    "upheld|upholds|dismissed the petition|dismissed the appeal|rejected the challenge|"
    "constitutionally valid|in favour of the government|in favor of the government"
)
_HOLDING = (" held", " holding", " judgment", " judgement", " verdict", " ruling", " decision", " outcome")
_REASONING = (" analysis", " reasoning", " ratio", " observations", " court's view", " why the court")


def party_heading(heading: str) -> str | None:
    """``petitioner`` or ``respondent`` when a heading names one party's arguments in a case
    (``Arguments of the petitioners``, ``Union's submissions``), else None."""
    text = spaced(heading.replace("’", "'").replace("'s ", " "))
    if not _found(text, _PLEADING) or len(text) > 80:
        return None
    petitioner, respondent = bool(_found(text, _PETITIONER)), bool(_found(text, _RESPONDENT))
    if petitioner == respondent:
        return None
    return "petitioner" if petitioner else "respondent"


_STRUCK_DOWN = re.compile(r" (?:struck|strikes|strike) (?:[\w'-]+ ){0,4}down ")


def court_decided_for(texts: list[str]) -> str | None:
    """``petitioner`` or ``respondent``: the side the court's decision favours, when the note says
    it in one way only (``struck the scheme down``, ``upheld the law``)."""
    text = " ".join(spaced(t) for t in texts)
    found = {"respondent" for phrase in _FOR_RESPONDENT if phrase in text}
    if _STRUCK_DOWN.search(text) or any(phrase in text for phrase in _FOR_PETITIONER):
        found.add("petitioner")
    return found.pop() if len(found) == 1 else None


def holding_heading(heading: str) -> bool:
    """Whether a heading heads what the court decided (``Held``, ``Judgment``, ``Verdict``)."""
    text = spaced(heading)
    return len(text.split()) <= 4 and bool(_found(text, _HOLDING))


def reasoning_heading(heading: str) -> bool:
    """Whether a heading heads the court's reasons (``Analysis``, ``Reasoning``)."""
    text = spaced(heading)
    return len(text.split()) <= 5 and bool(_found(text, _REASONING))


#: "On X," openings that name no challenge: a way of weighing, a time, a place of reading.
_NOT_A_TOPIC = frozenset(
    {
        "balance",
        "the whole",
        "paper",
        "average",
        "the ground",
        "the face of it",
        "the one hand",
        "the other hand",
        "the contrary",
        "the flip side",
        "the positive side",
        "the downside",
        "the upside",
        "top of this",
        "top of that",
        "its own",
        "their own",
        "our own",
        "this basis",
        "that basis",
        "the plus side",
        "the minus side",
        "the surface",
    }
)
_TOPIC_ANSWER = re.compile(r"on ((?:[\w'’-]+ ){0,4}[\w'’-]+)\s*[,:] ", re.IGNORECASE)


_IF_THEY_SAY = re.compile(
    r"if (?:they|the other side|the opposition|opp|opponents|critics|the government|prop) "
    r"(?:say|says|argue|argues|claim|claims|tell you|point out|run)(?: that)? "
    r"(?:[\w'’-]+ ){0,9}[\w'’-]+\s*(?:→|->|=>|—|–|,|:) ",
    re.IGNORECASE,
)


def topic_answer(text: str) -> str | None:
    """The challenge a sentence names before it answers it (``On cash, the Court found …``,
    ``On the currency: …``): the words after ``On``, when they are one to five words without a
    figure (``On 5 August, …`` is a date) and name a topic rather than a way of weighing; or the
    other side's line it quotes first (``If they say it kills freedom → we say …``)."""
    lowered = text.lstrip("*_ ") + " "
    clash = _IF_THEY_SAY.match(lowered)
    if clash is not None:
        return clash.group(0).strip(" ,:→->=—–")
    found = _TOPIC_ANSWER.match(lowered)
    if found is None:
        return None
    topic = found.group(1).lower().replace("’", "'")
    if any(ch.isdigit() for ch in topic) or topic in _NOT_A_TOPIC:
        return None
    return found.group(0).strip(" ,:")


def answer_opening(text: str) -> str | None:
    """The opening words that make a point an answer to what came before it (``However, …``)."""
    lowered = text.lower().lstrip("*_ ").replace("’", "'")
    for opening in _ANSWER_OPENINGS:
        if lowered.startswith(opening):
            return opening.strip(" ,:")
    return None


def recommendation_cue(text: str) -> str | None:
    """``should``, ``need to``, ``must`` … in the point, or an opening imperative verb."""
    lowered = text.lower().lstrip("*_ ")
    for verb in _IMPERATIVE_OPENINGS:
        if lowered.startswith(verb):
            return f"opens with '{verb.strip()}'"
    found = _found(spaced(text), _RECOMMENDATION_CUES)
    if found:
        return found[0]
    command = _command(lowered)
    return f"opens with '{command}'" if command else None


def command_opening(text: str) -> str | None:
    """The imperative verb a point opens with (``Extend the freeze``, ``Give States a say``), if
    any; tree and list glyphs before it are skipped."""
    lowered = re.sub(r"^[^\w(]+", "", text.lower())
    for verb in _IMPERATIVE_OPENINGS:
        if lowered.startswith(verb) and (
            verb.endswith(" ") or not lowered[len(verb) : len(verb) + 1].isalpha()
        ):
            return verb.strip()
    return _command(lowered)


_DETERMINERS = frozenset(
    "a an the its their our his her this these those".split()  # noqa: SIM905
)


def _command(lowered: str) -> str | None:
    """An opening verb in the imperative, told by its shape rather than a list: a content word
    (not a function word, a figure or a number word) followed at once by a determiner, or by a
    particle and a determiner, as in ``Plan a just transition``, ``Revive the council``, ``link
    the next round``, ``Top up the accounts``, or ``Let`` and whom it lets act. A sentence that
    opens with its subject almost never puts ``the`` or ``a`` right after the first word."""
    from argmap.language import stop_words

    first, _, rest = lowered.partition(" ")
    words = rest.split(" ", 2)
    second = words[0] if rest else ""
    if first == "let" and second and second not in ("alone", "down"):
        return first  # "Let pension funds offer …", "Let states decide …": a command by its form
    if not first.isalpha() or len(first) < 3 or first in stop_words() or first in _NUMBERS:
        return None
    if len(first) > 5 and first.endswith("ing"):
        return None  # "Bringing back a lost predator will …": a gerund is the sentence's subject
    if second in _PARTICLES and len(words) > 1:
        # a phrasal verb: "Top up the accounts", "Scale back the subsidy", "Open up a second route"
        return f"{first} {second}" if words[1] in _DETERMINERS else None
    return first if second in _DETERMINERS else None


_PARTICLES = frozenset("up down out back off over".split())  # noqa: SIM905
_NUMBERS = frozenset("half twice double most much many few several both".split())  # noqa: SIM905


def counterpoint_cues(text: str) -> list[str]:
    """The words of difficulty or criticism in the point."""
    return _found(spaced(text), _COUNTERPOINT_CUES)


def counterpoint_weight(found: list[str]) -> float:
    """How much a list of counterpoint cues weighs: common words such as ``not`` count half."""
    return sum(0.5 if word in _WEAK_COUNTERPOINT_CUES else 1.0 for word in found)


def claim_cues(text: str) -> list[str]:
    """The words of benefit or support in the point."""
    return _found(spaced(text), _CLAIM_CUES)


_WHEN = re.compile(
    r"\b(?:in|since|from|until|till|after|before|during|by)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?"
    r"(?:1[6-9]\d\d|20\d\d)s?\b",
    re.IGNORECASE,
)


def dated_opening(text: str) -> str | None:
    """The time its first sentence sets the text in (``in 2006``, ``in the 1930s``, ``since
    2018``), if any: a year after a preposition of time, not a year in a name (``the Treaty of
    1950``)."""
    first = sentences(text)[:1]
    found = _WHEN.search(first[0]) if first else None
    return found.group(0) if found else None


def context_cues(text: str) -> list[str]:
    """The words of dated background (``was signed``, ``since independence``) in the point."""
    return _found(spaced(text), _CONTEXT_CUES)


#: Words by which a writer announces their own position before stating it, anywhere in a
#: paragraph ("My take upfront: …", "So I'll put my conclusion first: …", "Thesis for the
#: answer: …", "Bottom line → …"): the words that follow are the position.
_ANNOUNCED = (
    r"(?:my|our) (?:take|view|stand|position|conclusion|verdict|answer|argument)"
    r"(?: (?:upfront|up front|first|in one line|in short|in brief))?"
    r"|(?:the |my )?conclusion first|one[- ]line summary|summary in one line"
    r"|thesis(?: for the answer| in one line)?|synopsis|bottom line|tl;?dr|exam line|short answer"
)
_ANNOUNCED_POSITION = re.compile(
    rf"(?:^|(?<=[\s(*_\]]))(?:{_ANNOUNCED})\s*[*_]*\s*(?::|→|->|=>|—|–)\s*", re.IGNORECASE
)
_POSITION_NAME = re.compile(rf"[\W\d]*(?:{_ANNOUNCED})\b.*", re.IGNORECASE)


def announced_position(text: str) -> str | None:
    """The words that announce the writer's position in the text (``my take upfront``), if any."""
    found = _ANNOUNCED_POSITION.search(text)
    return found.group(0).strip(" :→->=—–*_").lower() if found else None


def names_the_position(heading: str | None) -> bool:
    """Whether a heading or label names the writer's own position in so many words (``ONE-LINE
    SUMMARY``, ``Thesis for the answer``), not only the closing section (``Conclusion``)."""
    return heading is not None and _POSITION_NAME.fullmatch(heading.strip().rstrip(":")) is not None


def stance_score(text: str) -> tuple[int, str | None]:
    """How plainly the text states a position (0: not at all) and the words that show it."""
    lowered = text.lower().lstrip("*_ ").replace("’", "'")
    score, why = 0, None
    for opening in _STANCE_OPENINGS:
        if lowered.startswith(opening) and (
            len(lowered) == len(opening) or not lowered[len(opening)].isalpha()
        ):
            score, why = 5, opening
            break
    else:
        # "The Act turns twenty today. My argument is simple: …": the writer's own position,
        # stated in the first person after a sentence that sets the scene
        for sentence in sentences(text)[1:3]:
            later = stance_opening(sentence)
            if later in _FIRST_PERSON_STANCES:
                score, why = 5, later
                break
        else:
            announced = announced_position(text)
            if announced is not None:
                score, why = 5, announced
    phrases = _found(spaced(text), _STANCE_PHRASES)
    if phrases:
        score += 2 + min(len(phrases), 2)
        why = why or phrases[0]
    return score, why


def stance_phrases(text: str) -> list[str]:
    """The phrases in the text that state a position (``remain strong``, ``is flawed``), leaving
    out the weak ``should`` and ``must be`` that any recommendation uses."""
    return [p for p in _found(spaced(text), _STANCE_PHRASES) if p not in ("should", "must be")]


def stance_opening(text: str) -> str | None:
    """The opening that marks a conclusion (``Thus``, ``In conclusion``, ``Overall``), if any."""
    lowered = text.lower().lstrip("*_ ")
    for opening in _STANCE_OPENINGS:
        if lowered.startswith(opening) and (
            len(lowered) == len(opening) or not lowered[len(opening)].isalpha()
        ):
            return opening
    return None


#: Side cues that name the critics of the note's own position, not the opponents of a proposal.
CRITICS = frozenset(
    {
        "critics",
        "detractors",
        "sceptics",
        "skeptics",
        "others argue",
        "some argue",
        "others say",
        "some say",
        "many say",
        "some believe",
    }
)
_CONTINUING = (
    "they also",
    "they further",
    "they add",
    "they point",
    "they warn",
    "they say",
    "they argue",
    "it also",
    "also,",
    "further,",
    "furthermore",
    "moreover",
    "in addition",
    "additionally",
    "a second",
    "a third",
    "a fourth",
    "another argument",
    "another point",
    "finally",
    "lastly",
    "besides",
    "second,",
    "third,",
    "secondly",
    "thirdly",
)


def continues_side(text: str) -> str | None:
    """The opening by which a paragraph carries on the side of the one before (``They also …``)."""
    lowered = text.lower().lstrip("*_ ")
    for opening in _CONTINUING:
        if lowered.startswith(opening):
            return opening.strip(" ,")
    return None


def against_proposal(text: str, topic: str | None = None) -> str | None:
    """The words by which a position rejects the proposal it is about (``is flawed``), if any.

    With the note's ``topic`` (its title), the clause that rejects must name something of the
    topic: ``a dispute should not be allowed to hold the relationship hostage`` in a note on a
    relationship rejects the dispute, not the relationship."""
    for phrase in _found(spaced(text), _AGAINST_PROPOSAL):
        clause = _clause_with(text, phrase)
        if topic is None or _names_topic(clause, topic):
            return phrase
        # "…, and it may do more harm than good": the clause rejects what the sentence named
        if set(spaced(clause).split()[:2]) & _PRONOUNS and _names_topic(text, topic):
            return phrase
    return None


_PRONOUNS = frozenset({"it", "this", "they", "these", "such", "that"})


def _clause_with(text: str, phrase: str) -> str:
    """The clause of ``text`` (between commas, semicolons, colons or a ``but``) holding ``phrase``."""
    clauses = [text]
    for separator in (";", ":", ",", " but ", " while ", " whereas "):
        clauses = [part for clause in clauses for part in clause.split(separator)]
    return next((clause for clause in clauses if phrase in spaced(clause)), text)


def _names_topic(clause: str, topic: str) -> bool:
    from argmap.language import terms

    return bool(terms(clause).keys() & terms(topic).keys())


def motion_opening(text: str) -> bool:
    """Whether the text is a debate motion (``This House would …``, ``THBT …``)."""
    return text.lower().lstrip("*_ ").startswith(_MOTION_OPENINGS)


_SIDE_LABELS = {
    "neg": Kind.COUNTERPOINT,
    "opp": Kind.COUNTERPOINT,
    "con": Kind.COUNTERPOINT,
    "opposition": Kind.COUNTERPOINT,
    "against": Kind.COUNTERPOINT,
    "they say": Kind.COUNTERPOINT,
    "objection": Kind.COUNTERPOINT,
    "aff": Kind.CLAIM,
    "prop": Kind.CLAIM,
    "pro": Kind.CLAIM,
    "gov": Kind.CLAIM,
    "proposition": Kind.CLAIM,
    "for": Kind.CLAIM,
    "we say": Kind.CLAIM,
    "response": Kind.CLAIM,
    "reply": Kind.CLAIM,
    "answer": Kind.CLAIM,
}


def label_side(label: str) -> Kind | None:
    """The side a point's label names in a debate brief (``NEG:`` an objection, ``AFF:`` our side,
    ``Opp will say:`` an objection, ``Our response:`` our side, ``POI from Prop:`` our side)."""
    lowered = label.strip().lower().rstrip(".")
    if lowered in _SIDE_LABELS:
        return _SIDE_LABELS[lowered]
    words = lowered.split()
    if 1 < len(words) <= 4 and words[0] in _SIDE_WORDS:
        return _SIDE_LABELS[words[0]]
    if 1 < len(words) <= 3 and words[0] in ("our", "my") and words[-1] in _ANSWER_WORDS:
        return Kind.CLAIM
    if 2 < len(words) <= 4 and words[-2] in ("from", "by") and words[-1] in _SIDE_WORDS:
        return _SIDE_LABELS[words[-1]]  # "POI from Prop", "Question by Opp": the asking side's
    return None


_SIDE_WORDS = frozenset({"neg", "opp", "con", "aff", "prop", "pro", "gov", "opposition", "proposition"})
_ANSWER_WORDS = frozenset({"response", "responses", "answer", "answers", "reply", "rebuttal", "counter"})


def ordinal_opening(text: str) -> str | None:
    """An enumerating opening (``First,``, ``Second, trade.``, ``The third point is``) that marks
    an argument of the note's own case."""
    lowered = text.lower().lstrip("*_ ")
    for word in (
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "firstly",
        "secondly",
        "thirdly",
        "finally",
        "lastly",
    ):
        if lowered.startswith((word + ",", word + " ", "the " + word + " point", "a " + word + " point")):
            return word
    return None


def side_cue(text: str) -> tuple[Kind, str] | None:
    """The side a debate paragraph reports: ``Proponents argue …`` (claim), ``Opponents say …``
    (counterpoint), judged on its opening words."""
    opening = spaced(text)[:60]
    lowered = text.lower().lstrip("*_ ")
    for kind, phrases in ((Kind.COUNTERPOINT, _AGAINST_SIDE), (Kind.CLAIM, _FOR_SIDE)):
        for phrase in phrases:
            if phrase.endswith(":") and " " not in phrase:
                if lowered.startswith(phrase):
                    return kind, phrase.strip(" :")
            elif " " + phrase.strip(" :") + " " in opening:
                return kind, phrase.strip(" :")
    return None


#: Lines that cannot be a note's position however they are placed: a running page header, an exam
#: question's directive, a greeting to close a talk, a footnote.
_NOT_A_POSITION = re.compile(
    r"\bpage\s+\d+\b|\s{8,}|\s\|\s"
    r"|\b(?:comment|discuss|examine|analy[sz]e|elucidate|explain|evaluate|illustrate|substantiate|elaborate)"
    r"\s*\.?\s*(?:\([^)]*\))?\s*$"
    r"|^\W*(?:thank you|thanks\b|any questions|questions\?)"
    r"|^\W*\[\d+\]",
    re.IGNORECASE,
)


def states_something(text: str) -> bool:
    """Whether a line could state the note's position: a sentence of four words or more, not a
    question, a running header, an exam question's ``Comment.``, a talk's ``Thank you!`` or a
    footnote. (A position needs a claim about the world; these only frame the note.)"""
    plain = text.strip().strip("*_ ")
    if (plain.endswith("?") and len(sentences(plain)) == 1) or _NOT_A_POSITION.search(plain):
        return False  # (a paragraph that states its case and ends on a question still states it)
    return len(re.findall(r"[^\W\d_]{2,}", plain)) >= 4


#: A short opening sentence that announces what the rest of its paragraph does, as a heading would:
#: "These gaps can be closed." (the measures follow), "The mission has real strengths."
_ANNOUNCES_MEASURES = re.compile(
    r"\b(?:can|could|must|should|need to|have to) be (?:closed|bridged|addressed|overcome|tackled|fixed|"
    r"met|solved|resolved|plugged|remedied|reduced|eased|managed|handled)\b"
    r"|\bway (?:forward|ahead|out)\b|\bsteps? (?:are|is) needed\b|\bthe following (?:steps|measures)\b"
    r"|\bwhat (?:india|we|the government|the centre|states) (?:should|must|need)",
    re.IGNORECASE,
)
#: Claim words too weak to give a paragraph its side from its opening sentence alone.
_WEAK_LEADS = frozenset(
    {
        "why",
        "for",
        "government",
        "gov",
        "argument",
        "reasons",
        "support",
        "cooperation",
        "contention",
        "potential",
        "need for",
        "drivers",
        "promise",
        "relevance",
    }
)


def paragraph_lead(lead: str) -> tuple[Kind, str] | None:
    """The kind a paragraph's short opening sentence gives the rest of it, and the words that say
    so: measures (``These gaps can be closed.``), or a side as a heading would give it (``The
    mission has real strengths.``, ``The risks are serious.``); None for any other opening."""
    if len(lead.split()) > 8:
        return None
    measures = _ANNOUNCES_MEASURES.search(lead)
    if measures:
        return Kind.RECOMMENDATION, measures.group(0).lower()
    role = heading_role(lead)
    if role is None or role[0] not in (Kind.CLAIM, Kind.COUNTERPOINT) or role[1].strip() in _WEAK_LEADS:
        return None
    return role


#: Words by which a note's title names a problem to be solved rather than a policy, a relationship
#: or a proposal: "Stubble burning", "Urban flooding", "Drug abuse", "Judicial pendency".
_PROBLEM_WORDS = (
    "burning pollution flood floods flooding drought droughts depletion crisis shortage shortages "
    "malnutrition stunting anaemia anemia hunger abuse addiction violence corruption poverty "
    "unemployment heatwave heatwaves heat pendency backlog deforestation desertification degradation "
    "erosion smog trafficking terrorism insurgency extremism naxalism inequality epidemic obesity "
    "suicide suicides dropout dropouts encroachment congestion poaching bleaching scarcity menace "
    "resistance infestation wildfires wildfire landslides landslide cyclones stress lynching "
    "radicalisation radicalization piracy fraud frauds smuggling overcrowding"
)
_PROBLEMS = frozenset(_PROBLEM_WORDS.split())
#: Headings that would name the points in favour in a note on a policy, but in a note on a problem
#: name its causes and harms: the challenges the note's measures answer.
_HARM_HEADINGS = (
    " why it matters",
    " why does it matter",
    " why is it",
    " significance",
    " importance",
    " why ",
    " reasons",
    " drivers",
    " impact",
    " effects",
    " consequences",
    " implications",
)


def names_a_problem(title: str) -> bool:
    """Whether a note's title names a problem (``Stubble burning in Punjab``, ``Drug abuse``)."""
    words = spaced(title).split()
    return len(words) <= 10 and any(word in _PROBLEMS for word in words)


def role_in_a_problem_note(heading: str, role: tuple[Kind, str] | None) -> tuple[Kind, str] | None:
    """A heading's role in a note on a problem: ``Why farmers burn``, ``Why it matters``,
    ``Impacts`` head the problem's causes and harms, which are its challenges."""
    text = spaced(heading)
    if role is not None and role[0] not in (Kind.CLAIM, Kind.CONTEXT):
        return role
    if role is not None and role[0] is Kind.CONTEXT and role[1].strip() not in ("impact", "effects"):
        return role
    harm = _found(text, _HARM_HEADINGS)
    if harm and len(text.split()) <= 6:
        return Kind.COUNTERPOINT, f"{harm[0]}, in a note on a problem"
    return role
