"""Seed the two role types and their responsibility checklists (editable afterwards in the admin)."""

from django.db import migrations

ROLE_TYPES = [
    {
        "slug": "trainer",
        "name": "Trainer",
        "order": 1,
        "purpose": "Teaches sociocracy and helps an organisation adopt it",
        "summary": "A trainer teaches. They run workshops and courses, build practical skills in "
        "a team and support an organisation while it changes the way it decides and works.",
        "description": "Trainers are the people to bring in when your group wants to learn "
        "sociocracy properly, not just hear about it. They design and deliver training, from a "
        "one-day introduction to a programme over several months, and adapt it to your "
        "organisation's size, sector and culture.\n\n"
        "Most trainers are certified by a recognised training body, and on this site a trainer "
        "only shows as practising while a reviewer has verified a current certification. Many "
        "also coach, mentor or consult after the training, because the hard part of "
        "self-governance starts after the workshop ends.",
        "activities": "Workshops, courses and training sessions\n"
        "Practice in facilitation, consent decisions and working with objections\n"
        "Programmes tailored to one organisation\n"
        "Coaching, mentoring and consulting through the change",
        "contact_when": "Your organisation wants to learn and adopt sociocracy\n"
        "A team needs skills: facilitation, consent decision-making, resolving objections\n"
        "You want a programme designed for your organisation, or support while you change",
        "certification_note": "Usually certified by a recognised body (for example Sociocracy For "
        "All, the ISCB or The Sociocracy Group). Shown as practising only while a current "
        "certification is verified; anyone can check it on its verification page.",
        "requires_certification": True,
        "responsibilities": [
            (
                "Education and Training",
                "Runs workshops, courses and training sessions that teach the principles and "
                "practices of sociocracy.",
                "recent_outreach",
                {"months": 12, "kinds": ["workshop", "training"]},
            ),
            (
                "Skill Development",
                "Builds practical skills in a group: facilitating meetings, making decisions by "
                "consent, working with objections and conflict.",
                "self_declared",
                {},
            ),
            (
                "Customization",
                "Shapes each programme around the organisation in front of them: its size, "
                "sector, culture and where it is starting from.",
                "self_declared",
                {},
            ),
            (
                "Support",
                "Stays with an organisation through the change by coaching, mentoring or "
                "consulting, not only by teaching.",
                "self_declared",
                {},
            ),
            (
                "Certification",
                "Holds a current certification from a recognised training body, verified by a "
                "reviewer on this site.",
                "current_certification",
                {"recognised_only": True},
            ),
            (
                "Advocacy",
                "Speaks and writes about sociocracy beyond their own paid work, so more people "
                "hear of it.",
                "recent_outreach",
                {"months": 12, "kinds": ["talk", "webinar", "article", "event", "conversation"]},
            ),
            (
                "Professional Networking",
                "Keeps in touch with other trainers and training bodies to share practice and "
                "keep learning.",
                "self_declared",
                {},
            ),
        ],
    },
    {
        "slug": "ambassador",
        "name": "Ambassador",
        "order": 2,
        "purpose": "Spreads the word and starts conversations about sociocracy",
        "summary": "An ambassador promotes. They raise awareness, give talks, share material, "
        "answer questions and connect curious people with each other and with trainers.",
        "description": "Ambassadors are the people to talk to when you are curious, want a "
        "speaker for an event, or want a first conversation before deciding anything. They "
        "explain what sociocracy is, share stories and case studies, and adapt the message to "
        "the people listening: business leaders, community organisers, educators and others.\n\n"
        "Ambassadors need no certification and do not sell training. When you are ready to "
        "learn in depth, an ambassador can point you to a trainer.",
        "activities": "Talks, webinars and introductions\n"
        "Sharing articles, material and case studies\n"
        "Hosting conversations and answering questions\n"
        "Connecting people with each other and with trainers",
        "contact_when": "You are curious and want a first, no-obligation conversation\n"
        "You are looking for a speaker for an event, webinar or meeting\n"
        "You want material or examples to share with your group",
        "certification_note": "No certification needed. Ambassadors do not sell training; they "
        "help people find out whether sociocracy fits them.",
        "requires_certification": False,
        "responsibilities": [
            (
                "Promotes Awareness",
                "Tells people that sociocracy exists and what it can do, through talks, "
                "webinars, articles or events.",
                "recent_outreach",
                {"months": 12, "kinds": ["talk", "webinar", "article", "event"]},
            ),
            (
                "Engages in Outreach",
                "Reaches out to groups and communities, and logs that outreach here.",
                "recent_outreach",
                {"months": 12},
            ),
            (
                "Provides Information",
                "Shares clear material: what sociocracy is, how it works, where to learn more. "
                "Starts with a profile that explains who they are.",
                "profile_fields",
                {"fields": ["bio", "headline"]},
            ),
            (
                "Facilitates Conversations",
                "Hosts conversations where people can explore sociocracy and ask about it.",
                "self_declared",
                {},
            ),
            (
                "Answers Queries",
                "Can be reached: accepts messages from visitors through this site.",
                "accepts_contact",
                {},
            ),
            (
                "Collaborates",
                "Works with other ambassadors, trainers and organisations instead of alone.",
                "self_declared",
                {},
            ),
            (
                "Cultivates Interest",
                "Keeps interested people engaged and points them onwards, for example to a "
                "trainer or a practice group.",
                "self_declared",
                {},
            ),
            (
                "Tailors Information",
                "Adapts the message to the audience, and says on the profile which audiences "
                "they work with.",
                "lists_audience",
                {"min_count": 1},
            ),
        ],
    },
]


def seed(apps, schema_editor):
    RoleType = apps.get_model("roles", "RoleType")
    Responsibility = apps.get_model("roles", "Responsibility")
    for data in ROLE_TYPES:
        data = dict(data)
        items = data.pop("responsibilities")
        role_type, _ = RoleType.objects.update_or_create(slug=data.pop("slug"), defaults=data)
        for order, (title, description, rule, params) in enumerate(items, start=1):
            Responsibility.objects.update_or_create(
                role_type=role_type,
                title=title,
                defaults={
                    "description": description,
                    "order": order,
                    "rule": rule,
                    "params": params,
                    "is_active": True,
                },
            )


def unseed(apps, schema_editor):
    apps.get_model("roles", "RoleType").objects.filter(
        slug__in=[data["slug"] for data in ROLE_TYPES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("roles", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
