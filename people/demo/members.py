"""One demo member's records, planned in memory from the member's index alone.

Each member draws from its own `random.Random(f"{seed}:{index}")`, so member 123 is the same
person whether 300 or 100 000 members are seeded, and a bigger run only has to add the missing
ones. Dates are counted back from today, so the data stays fresh: outreach planned "next month"
is always upcoming. Nothing here touches the database except `load_reference()`.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass, field

from django_countries import countries

from people.demo import texts
from people.demo.names import NAME_PARTS, demo_slug
from people.demo.reference import Reference
from people.demo.stories import (
    ACTIVE,
    ALL_CULTURES,
    AMBASSADOR,
    APPLIED,
    ATTENDANCE,
    BIO_LENGTHS,
    CERTIFICATE_STORIES,
    CHANGES_REQUESTED,
    CURRENT,
    ENDED,
    LAPSED,
    OUTREACH_KINDS,
    PAUSED,
    PENDING,
    PLACES_BY_WEIGHT,
    REJECTED,
    RENEWING,
    RESUBMITTED,
    REVOKED,
    ROLE_MIX,
    SHOWCASE,
    STATUS_MIX,
    TRAINER,
    VERIFIED,
    Dice,
    Story,
)
from people.models import (
    Certification,
    CertificationDecision,
    OutreachRecord,
    Profile,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)
from people.models.certifications import new_verification_code
from roles.models import RoleType

_EARLY = datetime.time(7, 0)  # demo members act between 07:00 and 21:00 (UTC)


@dataclass
class MemberPlan:
    """Unsaved rows for one member, linked by object so bulk inserts fill in the keys."""

    index: int
    user: User
    profile: Profile
    languages: list = field(default_factory=list)  # Profile.languages.through rows
    audiences: list = field(default_factory=list)  # Profile.audiences.through rows
    links: list[ProfileLink] = field(default_factory=list)
    holdings: list[RoleHolding] = field(default_factory=list)
    certifications: list[Certification] = field(default_factory=list)
    decisions: list[CertificationDecision] = field(default_factory=list)
    outreach: list[OutreachRecord] = field(default_factory=list)
    declarations: list[ResponsibilityDeclaration] = field(default_factory=list)


def demo_email(index: int) -> str:
    return f"demo-{index:06d}@example.invalid"


@functools.cache
def _country_name(code: str) -> str:
    return str(countries.name(code))


def _months_after(day: datetime.date, months: int) -> datetime.date:
    year, month_index = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month_index + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_member(index: int, *, seed: int, ref: Reference) -> MemberPlan:
    return _Planner(index, seed=seed, ref=ref).plan()


class _Planner:
    """Builds one member. All dates are "days ago" (negative: in the future) until the end."""

    def __init__(self, index: int, *, seed: int, ref: Reference) -> None:
        self.index = index
        self.ref = ref
        self.rng = Dice(f"{seed}:{index}")
        self.story = SHOWCASE.get(index) or self._random_story()
        # Days since the member joined. Newer members have less history; the showcase has
        # plenty.
        if index in SHOWCASE:
            self.joined = self.rng.randint(400, 2500)
        else:
            self.joined = self.rng.choice((self.rng.randint(3, 60), self.rng.randint(60, 2500)))

    # --- the story ------------------------------------------------------------------------

    def _random_story(self) -> Story:
        rng = self.rng
        roles = {slug: rng.weighted(STATUS_MIX[slug]) for slug in rng.weighted(ROLE_MIX)}
        certificate = rng.weighted(CERTIFICATE_STORIES[roles.get(TRAINER)])
        return Story(
            roles=roles,
            certificate=certificate,
            other_body=rng.random() < (0.06 if TRAINER in roles else 0.02),
            returned=bool(roles) and rng.random() < 0.08,
            upcoming=any(s in (ACTIVE, APPLIED) for s in roles.values()) and rng.random() < 0.3,
            listed=rng.random() < 0.93,
        )

    # --- dates ----------------------------------------------------------------------------

    def day(self, days_ago: int) -> datetime.date:
        return self.ref.today - datetime.timedelta(days=days_ago)

    def moment(self, days_ago: int) -> datetime.datetime:
        """A time during the day `days_ago` days back, after the member joined, not in the
        future."""
        days_ago = max(0, min(days_ago, self.joined - 1))
        start_of_day = datetime.datetime.combine(self.day(days_ago), _EARLY, tzinfo=datetime.UTC)
        moment = start_of_day + datetime.timedelta(seconds=self.rng.randint(0, 14 * 3600))
        return min(moment, self.ref.now)

    def since_joining(self, most: int | None = None, least: int = 0) -> int:
        """A random number of days ago, after joining (and within `most` days, if given)."""
        high = self.joined - 1 if most is None else min(most, self.joined - 1)
        return self.rng.randint(min(least, high), high)

    # --- the member -----------------------------------------------------------------------

    def plan(self) -> MemberPlan:
        rng, ref = self.rng, self.ref
        place = rng.weighted(PLACES_BY_WEIGHT)
        city, zone = rng.choice(place.cities)
        display_name = self._name(place.cultures)
        self.slug = demo_slug(display_name, self.index)
        has_country = rng.random() < 0.98
        self.city = city if has_country and rng.random() < 0.93 else ""
        self.country_name = _country_name(place.country) if has_country else ""
        self.audience_phrase = rng.choice(texts.AUDIENCE_PHRASES)
        # The day before anything else happened, so every record comes after it.
        joined_at = self.moment(self.joined - 1) - datetime.timedelta(days=1)
        user = User(
            email=demo_email(self.index),
            password=ref.password,
            is_active=True,
            date_joined=joined_at,
        )
        online, in_person = rng.random() < 0.85, rng.random() < 0.55
        profile = Profile(
            user=user,
            slug=self.slug,
            display_name=display_name,
            headline=self._headline() if rng.random() < 0.85 else "",
            country=place.country if has_country else "",
            city=self.city,
            time_zone=zone if has_country and rng.random() < 0.9 else "",
            website=f"https://{self.slug}.example/" if rng.random() < 0.25 else "",
            offers_online=online or not in_person,
            offers_in_person=in_person,
            is_listed=self.story.listed,
            accepts_contact=rng.random() < 0.7,
            show_city=rng.random() < 0.6,
            created_at=joined_at + datetime.timedelta(seconds=rng.randint(5, 900)),
            updated_at=self.moment(self.since_joining()),
        )
        self.member = MemberPlan(index=self.index, user=user, profile=profile)
        language_codes = self._languages(place.languages)
        profile.bio = self._bio(language_codes[0] if language_codes else "")
        self.member.languages = [
            Profile.languages.through(profile=profile, language_id=ref.language_ids[code])
            for code in language_codes
        ]
        audiences = rng.sample(ref.audiences, rng.choice((0, 1, 1, 1, 2, 2, 3)))
        self.member.audiences = [
            Profile.audiences.through(profile=profile, audience_id=audience.pk)
            for audience in audiences
        ]
        self._links()
        self._holdings()
        self._certifications()
        self._outreach()
        return self.member

    def _name(self, cultures: tuple[str, ...]) -> str:
        rng = self.rng
        roll = rng.random()
        culture = (
            cultures[0]
            if roll < 0.8
            else rng.choice(cultures)
            if roll < 0.95
            else rng.choice(ALL_CULTURES)
        )
        family_culture = culture if rng.random() < 0.88 else rng.choice(ALL_CULTURES)
        first = rng.choice(NAME_PARTS[culture][0])
        return f"{first} {rng.choice(NAME_PARTS[family_culture][1])}"

    def _fill(self, template: str) -> str:
        return template.format(
            city=self.city or self.country_name or "my region",
            country=self.country_name or "Europe",
            audience=self.audience_phrase,
            year=self.ref.today.year - self.rng.randint(2, 20),
            number=self.rng.randint(2, 12),
        )

    def _headline(self) -> str:
        roles = self.story.roles
        kind = "both" if len(roles) == 2 else next(iter(roles), "none")
        return self._fill(self.rng.choice(texts.HEADLINES[kind]))

    def _languages(self, local: tuple[str, ...]) -> list[str]:
        rng, known = self.rng, self.ref.language_ids
        codes = [local[0]] + [code for code in local[1:] if rng.random() < 0.4]
        if "en" not in codes and rng.random() < 0.65:
            codes.append("en")
        if rng.random() < 0.08:
            codes.append(rng.choice(sorted(known)))
        return [code for code in dict.fromkeys(codes) if code in known]

    def _bio(self, language: str) -> str:
        rng = self.rng
        length = rng.weighted(BIO_LENGTHS)
        if length == "empty":
            return ""
        practice = []
        if TRAINER in self.story.roles:
            practice += texts.TRAINER_PRACTICE
        if AMBASSADOR in self.story.roles:
            practice += texts.AMBASSADOR_PRACTICE
        local = texts.LOCAL_SENTENCES.get(language) if rng.random() < 0.5 else None
        if length == "short":
            paragraphs = [[rng.choice(texts.BIO_OPENINGS), *([local] if local else [])]]
        elif length == "medium":
            paragraphs = [
                [
                    rng.choice(texts.BIO_OPENINGS),
                    rng.choice(texts.BIO_STORIES),
                    *rng.sample(practice, min(len(practice), rng.randint(0, 2))),
                    rng.choice(texts.BIO_CLOSINGS),
                ]
            ]
        else:
            paragraphs = [
                [rng.choice(texts.BIO_OPENINGS), *rng.sample(texts.BIO_STORIES, 2)],
                [*rng.sample(practice, min(len(practice), 3)), *([local] if local else [])],
                rng.sample(texts.BIO_CLOSINGS, 2),
            ]
        return "\n\n".join(
            " ".join(self._fill(sentence) for sentence in paragraph)
            for paragraph in paragraphs
            if paragraph
        )

    def _links(self) -> None:
        kinds = self.rng.sample(list(texts.LINK_URLS), self.rng.choice((0, 0, 1, 1, 2, 3)))
        self.member.links = [
            ProfileLink(
                profile=self.member.profile,
                kind=kind,
                url=texts.LINK_URLS[kind].format(slug=self.slug),
            )
            for kind in kinds
        ]

    # --- roles ----------------------------------------------------------------------------

    def _holdings(self) -> None:
        for slug, status in self.story.roles.items():
            role_type = self.ref.role_types[slug]
            if status == APPLIED:
                start = self.since_joining(most=60)
            elif status == ENDED:
                start = self.since_joining(least=30)
            else:
                start = self.since_joining(least=20)
            if status == ENDED:
                ended = self.rng.randint(0, start)
                self._holding(role_type, ENDED, start, ended)
            else:
                note = self.rng.choice(texts.PAUSE_NOTES) if status == PAUSED else ""
                self._holding(role_type, status, start, note=note)
            if self.story.returned and start < self.joined - 1:
                earlier_end = self.since_joining(least=start)
                self._holding(role_type, ENDED, self.since_joining(least=earlier_end), earlier_end)
            self._declarations(slug, status, start)

    def _holding(
        self,
        role_type: RoleType,
        status: str,
        start: int,
        ended: int | None = None,
        note: str = "",
    ) -> None:
        end_reason = ""
        if status == ENDED:
            end_reason = (
                RoleHolding.EndReason.SUSPENDED
                if self.story.certificate == REVOKED and role_type.requires_certification
                else self.rng.choice(RoleHolding.EndReason.values)
            )
            note = self.rng.choice(texts.HOLDING_END_NOTES[end_reason])
        created_at = self.moment(start)
        self.member.holdings.append(
            RoleHolding(
                profile=self.member.profile,
                role_type=role_type,
                status=status,
                started_on=self.day(start),
                ended_on=self.day(ended) if ended is not None else None,
                end_reason=end_reason,
                note=note,
                created_at=created_at,
                updated_at=self.moment(ended) if ended is not None else created_at,
            )
        )

    def _declarations(self, slug: str, status: str, start: int) -> None:
        if status == ENDED:
            return
        chance = {ACTIVE: 0.5, PAUSED: 0.3, APPLIED: 0.2}[status]
        for responsibility_id in self.ref.self_declared.get(slug, ()):
            if self.rng.random() < chance:
                self.member.declarations.append(
                    ResponsibilityDeclaration(
                        profile=self.member.profile,
                        responsibility_id=responsibility_id,
                        note=self.rng.choice(texts.DECLARATION_NOTES),
                        declared_at=self.moment(self.since_joining(most=start)),
                    )
                )

    # --- certifications -------------------------------------------------------------------

    def _certifications(self) -> None:
        story = self.story.certificate
        if story in (CURRENT, RENEWING):
            self._certificate(VERIFIED)
        if story in (PENDING, RENEWING):
            self._certificate(PENDING)
        if story in (REJECTED, RESUBMITTED):
            self._certificate(REJECTED)
        if story == RESUBMITTED:
            self._certificate(PENDING)
        if story == LAPSED:
            self._certificate(VERIFIED, expired=True)
        if story in (REVOKED, CHANGES_REQUESTED):
            self._certificate(story)
        if self.story.other_body:
            self._certificate(
                self.rng.choice((PENDING, VERIFIED, REJECTED, REVOKED)), typed_in=True
            )

    def _certificate(self, status: str, *, expired: bool = False, typed_in: bool = False) -> None:
        rng = self.rng
        level = None
        if not typed_in and self.ref.levels_by_body:
            if expired and self.ref.expiring_levels:
                level = rng.choice(self.ref.expiring_levels)
            else:
                level = rng.choice(rng.choice(self.ref.levels_by_body))
        # A typed-in body states its own validity; a listed one follows its level.
        validity = level.validity_months if level else rng.choice((None, 24, 36))
        if expired:
            validity = validity or 24
            issued = validity * 31 + rng.randint(20, 900)
        elif validity:
            issued = rng.randint(10, validity * 30 - 20)
        else:
            issued = rng.randint(10, 3000)
        issued_on = self.day(issued)
        expires_on = _months_after(issued_on, validity) if validity else None
        # Submitted after joining and after the certificate was issued (before it expired, if
        # it has); pending ones recently.
        before_expiry = (self.ref.today - expires_on).days if expired and expires_on else 0
        submitted = self.since_joining(
            most=60 if status in (PENDING, CHANGES_REQUESTED) else issued, least=before_expiry
        )
        submitted = max(submitted, 1)
        number = len(self.member.certifications) + 1
        body_name, other_level = rng.choice(texts.OTHER_BODIES) if level is None else ("", "")
        evidence_folder = level.body_slug if level else "other"
        created_at = self.moment(submitted)
        certification = Certification(
            profile=self.member.profile,
            body_id=level.body_id if level else None,
            level_id=level.level_id if level else None,
            other_body=body_name,
            other_level=other_level,
            issued_on=issued_on,
            expires_on=expires_on,
            evidence_url=f"https://certificates.example/{evidence_folder}/{self.slug}-{number}.pdf",
            status=status,
            verification_code=new_verification_code(),
            created_at=created_at,
            updated_at=created_at,
        )
        self.member.certifications.append(certification)
        if status == PENDING:
            return
        decided = rng.randint(max(0, submitted - 21), submitted - 1)
        first = VERIFIED if status == REVOKED else status
        note = rng.choice(texts.DECISION_NOTES[first])
        certification.updated_at = self._decide(certification, PENDING, first, decided, note)
        if status == REVOKED:
            revoked = rng.randint(0, decided)
            certification.updated_at = self._decide(
                certification, VERIFIED, REVOKED, revoked, rng.choice(texts.REVOCATION_NOTES)
            )

    def _decide(
        self,
        certification: Certification,
        from_status: str,
        to_status: str,
        days_ago: int,
        note: str,
    ) -> datetime.datetime:
        decided_at = max(self.moment(days_ago), certification.updated_at)
        self.member.decisions.append(
            CertificationDecision(
                certification=certification,
                reviewer_id=self.ref.reviewer_id,
                from_status=from_status,
                to_status=to_status,
                note=note,
                decided_at=decided_at,
            )
        )
        return decided_at

    # --- outreach -------------------------------------------------------------------------

    def _outreach(self) -> None:
        rng = self.rng
        roles = self.story.roles
        kinds = OUTREACH_KINDS[TRAINER if roles.get(TRAINER) == ACTIVE else AMBASSADOR]
        past = 0
        for slug, status in roles.items():
            if status == ACTIVE:
                past += rng.randint(1, 5 if slug == AMBASSADOR else 4)
            else:
                past += rng.randint(0, 1)
        if not roles:
            past = rng.randint(0, 1)
        chosen = [rng.weighted(kinds) for _ in range(past)]
        if self.story.every_kind:
            chosen = list(OutreachRecord.Kind.values)
        recent = any(status == ACTIVE for status in roles.values())
        for kind in chosen:
            held = rng.randint(0, 365) if recent and rng.random() < 0.6 else rng.randint(0, 1100)
            self._record(kind, held)
        if self.story.upcoming:
            for _ in range(rng.randint(1, 2)):
                self._record(rng.weighted(kinds), -rng.randint(1, 200))

    def _record(self, kind: str, held: int) -> None:
        rng = self.rng
        online = kind in ("webinar", "article") or rng.random() < 0.3
        # Logged after it happened; upcoming events are announced up to two months ahead.
        created_at = self.moment(self.since_joining(most=held if held >= 0 else 60))
        low_high = ATTENDANCE.get(kind)
        number = len(self.member.outreach) + 1
        self.member.outreach.append(
            OutreachRecord(
                profile=self.member.profile,
                kind=kind,
                title=self._fill(rng.choice(texts.OUTREACH_TITLES[kind])),
                held_on=self.day(held),
                audience=rng.choice(texts.AUDIENCE_PHRASES).capitalize(),
                attendance=rng.randint(*low_high) if low_high else None,
                link=f"https://events.example/{self.slug}/{number}" if rng.random() < 0.5 else "",
                description=rng.choice(texts.OUTREACH_DESCRIPTIONS) if rng.random() < 0.4 else "",
                is_online=online,
                place="" if online else self.city or self.country_name,
                created_at=created_at,
                updated_at=created_at,
            )
        )
