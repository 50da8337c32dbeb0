"""The odds of a demo member's history, and the fixed stories of the first members.

The numbers are the demo's only tuning knobs: how many members hold which role, in which
state, and what their certificates look like.
"""

import bisect
import random
from dataclasses import dataclass
from itertools import accumulate

from people.demo.names import NAME_PARTS
from people.demo.places import PLACES
from people.models import Certification, RoleHolding


class Weights:
    """Options with relative weights, e.g. Weights({"active": 68, "paused": 9})."""

    def __init__(self, options: dict) -> None:
        self.options = tuple(options)
        self.cumulative = tuple(accumulate(options.values()))


class Dice(random.Random):
    """random.Random with quicker draws: a big demo needs millions, none of them secret."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def weighted(self, weights: Weights):
        draw = self.random() * weights.cumulative[-1]
        return weights.options[bisect.bisect(weights.cumulative, draw)]


TRAINER, AMBASSADOR = "trainer", "ambassador"
ACTIVE, APPLIED = RoleHolding.Status.ACTIVE.value, RoleHolding.Status.APPLIED.value
PAUSED, ENDED = RoleHolding.Status.PAUSED.value, RoleHolding.Status.ENDED.value
PENDING, VERIFIED = Certification.Status.PENDING.value, Certification.Status.VERIFIED.value
REJECTED, REVOKED = Certification.Status.REJECTED.value, Certification.Status.REVOKED.value
CHANGES_REQUESTED = Certification.Status.CHANGES_REQUESTED.value

# Which certification story a member's main certificate tells, by trainer status.
CURRENT, LAPSED, RENEWING = "current", "lapsed", "renewing"  # renewing: current + a pending one
RESUBMITTED = "resubmitted"  # rejected, then submitted again
NO_CERTIFICATE = "none"
CERTIFICATE_STORIES: dict[str | None, Weights] = {
    ACTIVE: Weights({CURRENT: 81, RENEWING: 7, LAPSED: 10, REVOKED: 2}),
    APPLIED: Weights(
        {PENDING: 67, CHANGES_REQUESTED: 8, RESUBMITTED: 15, REJECTED: 5, NO_CERTIFICATE: 5}
    ),
    PAUSED: Weights({CURRENT: 60, LAPSED: 40}),
    ENDED: Weights({CURRENT: 45, LAPSED: 45, REVOKED: 10}),
    None: Weights({NO_CERTIFICATE: 88, CURRENT: 5, PENDING: 4, REJECTED: 3}),  # not a trainer
}

ROLE_MIX = Weights({(TRAINER,): 38, (AMBASSADOR,): 44, (TRAINER, AMBASSADOR): 13, (): 5})
STATUS_MIX = {
    TRAINER: Weights({ACTIVE: 68, APPLIED: 12, PAUSED: 9, ENDED: 11}),
    AMBASSADOR: Weights({ACTIVE: 76, APPLIED: 6, PAUSED: 7, ENDED: 11}),
}
OUTREACH_KINDS = {
    TRAINER: Weights({"workshop": 4, "training": 4, "talk": 2, "webinar": 2, "article": 1,
                      "conversation": 1, "event": 1, "other": 1}),
    AMBASSADOR: Weights({"talk": 4, "webinar": 3, "conversation": 3, "article": 2, "event": 2,
                         "workshop": 1, "other": 1}),
}  # fmt: skip
ATTENDANCE = {"talk": (10, 120), "webinar": (10, 300), "workshop": (6, 30),
              "training": (6, 24), "conversation": (3, 15), "event": (20, 400)}  # fmt: skip
BIO_LENGTHS = Weights({"empty": 5, "short": 25, "medium": 50, "long": 20})
ALL_CULTURES = tuple(NAME_PARTS)
PLACES_BY_WEIGHT = Weights({place: place.weight for place in PLACES})


@dataclass(frozen=True)
class Story:
    """The shape of a member's history; drawn at random, or fixed for the first members."""

    roles: dict[str, str]  # role slug -> current status
    certificate: str  # a key of one of CERTIFICATE_STORIES' dicts
    other_body: bool = False  # also holds a certificate from a typed-in body
    returned: bool = False  # held a role before, ended it, and came back
    upcoming: bool = False
    every_kind: bool = False  # logged one outreach record of every kind
    listed: bool = True


# The first members show every case, so even a tiny demo has something of each.
SHOWCASE: dict[int, Story] = {
    1: Story({TRAINER: ACTIVE, AMBASSADOR: ACTIVE}, CURRENT, upcoming=True, every_kind=True),
    2: Story({TRAINER: ACTIVE}, LAPSED),
    3: Story({TRAINER: APPLIED}, PENDING, upcoming=True),
    4: Story({TRAINER: APPLIED}, RESUBMITTED),
    5: Story({TRAINER: ENDED}, REVOKED),
    6: Story({TRAINER: PAUSED, AMBASSADOR: ACTIVE}, CURRENT),
    7: Story({AMBASSADOR: ACTIVE}, NO_CERTIFICATE, returned=True, upcoming=True),
    8: Story({AMBASSADOR: ENDED}, NO_CERTIFICATE),
    9: Story({AMBASSADOR: ACTIVE}, NO_CERTIFICATE, other_body=True),
    10: Story({TRAINER: ACTIVE}, RENEWING, other_body=True),
    11: Story({}, NO_CERTIFICATE, listed=False),
    12: Story({AMBASSADOR: APPLIED, TRAINER: APPLIED}, REJECTED),
    13: Story({TRAINER: APPLIED}, CHANGES_REQUESTED),
}
