"""Each screen's one declaration: its rule ID, what it shows and what it does not, its paper,
and what it needs to run. The CLI, the window and the workbook all read these."""

from __future__ import annotations

from dataclasses import dataclass

from core.analysis.signals import digits, integer_pct, observers, peer_outliers, twins


@dataclass(frozen=True)
class Screen:
    """A statistical screen. `decides` says whether it takes part in the decision rule (the
    digit tables and the fingerprint are shown, never flagged)."""

    id: str
    title: str
    sentence: str  # what it shows, and what it does not
    paper: str
    needs: str
    decides: bool = True


INTEGER_PCT = Screen(
    "signal.integer_pct",
    "Integer percentages",
    "More stations with a whole-number turnout or leader's share (within 0.05 points) than "
    "each station's own binomial chance gives suggests figures written to a target; it does "
    "not say which stations, and a few hundred extra can come from other rounding habits.",
    "Kobak, Shpilkin and Pshenichnikov (2016), Integer percentages as electoral falsification "
    "fingerprints, Annals of Applied Statistics 10(1), 54-73",
    f"{integer_pct.MIN_STATIONS:,} stations with at least {integer_pct.MIN_REGISTERED} "
    f"registered voters and turnout and share of at most {integer_pct.MAX_PCT:g}%",
)
PEER_OUTLIER = Screen(
    "signal.peer_outlier",
    "Peer outliers",
    "More stations lying beyond 3.5 robust standard deviations of their territory's median "
    "than chance gives shows figures out of line with their neighbours; it is not proof of "
    "manipulation, since a territory that mixes town and country, or figures with heavier "
    "tails than a bell curve, give outliers honestly.",
    "Iglewicz and Hoaglin (1993), How to Detect and Handle Outliers (the modified z-score); "
    "the null with each station's binomial noise is Sanaq's",
    f"a territory of at least {peer_outliers.MIN_PEERS} stations",
)
TWINS = Screen(
    "signal.twins",
    "Twin protocols",
    "Stations of one territory reporting identical votes for every contestant, beyond the "
    "chance that two honest counts of that size agree, suggest a copied protocol; it does "
    "not show which of the two is the copy, or that either is wrong.",
    "A copied-protocol check long used by Russian observers (Shpilkin); the chance of a "
    "coincidence (two multinomial counts agreeing) is Sanaq's",
    f"{twins.MIN_STATIONS} stations reporting every contestant's votes",
)
OBSERVER_GAP = Screen(
    "signal.observer_gap",
    "Observed against unobserved stations",
    "A difference between the official figures of stations with an observer's copy and those "
    "without, in the same territories, is what Enikolopov et al. found where observers were "
    "placed at random; here placement is not randomised, so it may reflect where observers "
    "chose to go rather than what their presence changed.",
    "Enikolopov, Korovkin, Petrova, Sonin and Zakharov (2013), Field experiment estimate of "
    "electoral fraud in Russian parliamentary elections, PNAS 110(2), 448-452",
    f"{observers.MIN_EACH} stations with an observer's copy and {observers.MIN_EACH} without",
)
FINGERPRINT = Screen(
    "signal.fingerprint",
    "Turnout × leader's share",
    "The map of voters by turnout and the leader's share shows whether results cluster as one "
    "compact cloud or smear toward high turnout with a high share, as ballot stuffing makes; "
    "regional differences make honest smears too, so it is a picture to read, never a flag.",
    "Klimek, Yegorov, Hanel and Thurner (2012), Statistical detection of systematic election "
    "irregularities, PNAS 109(41), 16469-16473",
    "stations with turnout and the leader's share",
    decides=False,
)
LAST_DIGIT = Screen(
    "signal.last_digit",
    "Last digits",
    "How evenly the last digits of vote counts spread over 0-9; described only, never a flag: "
    "digit tests are, in Deckert, Myagkov and Ordeshook's words, essentially a coin toss.",
    "Beber and Scacco (2012), What the numbers say, Political Analysis 20(2); caveat: Deckert, "
    "Myagkov and Ordeshook (2011), Benford's Law and the detection of election fraud, "
    "Political Analysis 19(3), 245-268",
    f"{digits.MIN_STATIONS:,} stations",
    decides=False,
)
SECOND_DIGIT = Screen(
    "signal.second_digit",
    "Second digits (Benford)",
    "How the second digits of vote counts compare with Benford's law; described only, never "
    "a flag: honest counts depart from it and forged ones can follow it.",
    "Mebane (2006), Election forensics: vote counts and Benford's law; caveat: Deckert, "
    "Myagkov and Ordeshook (2011), Political Analysis 19(3), 245-268",
    f"{digits.MIN_STATIONS:,} stations",
    decides=False,
)
SCREENS: tuple[Screen, ...] = (
    INTEGER_PCT,
    PEER_OUTLIER,
    TWINS,
    OBSERVER_GAP,
    FINGERPRINT,
    LAST_DIGIT,
    SECOND_DIGIT,
)
SCREEN_BY_ID = {s.id: s for s in SCREENS}
SCREEN_ORDER = {s.id: i for i, s in enumerate(SCREENS)}
Q = 0.05  # Benjamini-Hochberg false discovery rate, across every screen and region
CAVEAT = (
    "A signal is a question to ask, not proof of fraud: each screen compares the figures "
    "with what chance gives under a simple model of honest counting, and real elections "
    "depart from such models for honest reasons too."
)
