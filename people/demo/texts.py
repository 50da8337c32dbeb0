# ruff: noqa: RUF001 -- real spellings (e.g. the Turkish dotless i) are the point of this data.
"""Sentences and titles for demo members. Placeholders: {city}, {country}, {audience}, {year}.

Some sentences carry accented words (Zürich, coöperatie, São Paulo, ...) on purpose: the
directory search must find them whether or not the visitor types the accents.
"""

HEADLINES = {
    "trainer": (
        "Sociocracy trainer for {audience}",
        "Certified trainer: consent decision-making and circle structure",
        "Teaching sociocracy in {city} since {year}",
        "Trainer and coach for self-organising teams",
        "Workshops on consent, roles and feedback for {audience}",
    ),
    "ambassador": (
        "Sociocracy ambassador in {city}",
        "Happy to talk about circles and consent",
        "Speaker on self-governance for {audience}",
        "First conversations about sociocracy, in person or online",
        "Connecting curious people with sociocracy",
    ),
    "both": (
        "Trainer and ambassador: consent-based governance for {audience}",
        "I teach sociocracy and love talking about it",
        "From a first talk to a full training programme",
    ),
    "none": (
        "Curious about sociocracy",
        "Learning to run circle meetings",
        "Member of a cooperative exploring consent",
    ),
}

BIO_OPENINGS = (
    "I live in {city} and help groups make decisions by consent.",
    "Based in {city}, {country}, I work with {audience} who want to share power.",
    "Sociocracy changed the way I think about meetings, and I like passing that on.",
    "I have practised sociocracy in my own organisations since {year}.",
    "I came to sociocracy through a housing coöperatie and never looked back.",
    "Consent decision-making is the thread through all my work.",
    "I help {audience} in and around {city} organise themselves in circles.",
)

BIO_STORIES = (
    "My first encounter with sociocracy was in a coöperatie in Zürich, where every meeting "
    "ran in rounds.",
    "I spent a year in São Paulo with a café collective that decided everything by consent.",
    "Before that I worked twelve years in HR and watched too many decisions made behind "
    "closed doors.",
    "A school in Malmö showed me how well children understand the idea of a circle.",
    "During a long winter in Kraków I translated introductory material for a local network.",
    "I learned the basics at a summer camp near Genève and practised them in a food cooperative.",
    "Our ecovillage near Bogotá adopted sociocracy after years of exhausting full-group meetings.",
    "I grew up in a family business where decisions were taken by whoever shouted loudest.",
    "In Montréal I co-founded a tenants' association that still uses double links between "
    "its circles.",
    "I first read about the sociocratic circle method as a student and tried it on our "
    "student union.",
    "After burning out in a flat, leaderless collective, I found sociocracy gave us structure "
    "without bosses.",
    "A naïve question from a volunteer, 'who decides this?', started our whole journey.",
)

TRAINER_PRACTICE = (
    "I run introductory workshops and longer courses on circle structure, double links and "
    "consent decision-making.",
    "My programmes are tailored to each organisation: its size, its sector and where it is "
    "starting from.",
    "After a training I stay on as a coach so the new habits survive the first hard decision.",
    "I train facilitators to hear objections as information rather than opposition.",
    "Most of my clients are {audience}; I also work with small businesses.",
    "I teach role selection by consent and how to give and receive feedback well.",
    "I offer a six-week online course and in-person days in {city}.",
)

AMBASSADOR_PRACTICE = (
    "I give short talks and host conversations for people who are curious about sociocracy.",
    "I share stories and case studies, and I am glad to point you to a trainer when you are ready.",
    "I run a monthly practice circle where newcomers can try consent rounds.",
    "I translate material and adapt the message for {audience}.",
    "If you want a speaker for your event or a first conversation, get in touch.",
    "I connect people across our regional network and answer questions by email.",
)

BIO_CLOSINGS = (
    "Happy to have a first conversation, no strings attached.",
    "I work in English and in my own language.",
    "Outside work I garden, cycle and sing in a choir.",
    "Ask me about sociocracy in schools.",
    "I believe every voice counts, and that consent is faster than it looks.",
    "Feel free to write; I answer within a week.",
)

# A sentence in a local language, with its accents.
LOCAL_SENTENCES = {
    "nl": "Ik begeleid coöperaties en scholen in {city} bij besluitvorming met consent.",
    "de": "Ich begleite Teams und Genossenschaften auf dem Weg zu Entscheidungen im Konsent.",
    "fr": "J'accompagne des associations et des coopératives à {city} vers la décision par "
    "consentement.",
    "es": "Acompaño a cooperativas y colectivos de {city} a decidir por consentimiento.",
    "pt": "Ajudo associações e cooperativas em {city} a tomar decisões por consentimento.",
    "it": "Accompagno cooperative e associazioni verso decisioni per consenso.",
    "sv": "Jag hjälper föreningar och skolor att fatta beslut med samtycke.",
    "da": "Jeg hjælper foreninger og bofællesskaber med at træffe beslutninger ved samtykke.",
    "pl": "Pomagam spółdzielniom i szkołom podejmować decyzje przez zgodę.",
    "cs": "Pomáhám družstvům a školám rozhodovat se souhlasem všech.",
    "tr": "Kooperatiflerin ve derneklerin rıza ile karar almasına yardımcı oluyorum.",
    "ca": "Acompanyo cooperatives de {city} a decidir per consentiment.",
}

AUDIENCE_PHRASES = (
    "cooperatives",
    "schools and educators",
    "community organisers",
    "nonprofits",
    "cohousing groups",
    "small businesses",
    "local councils",
    "care organisations",
    "volunteer groups",
    "families",
)

OUTREACH_TITLES = {
    "talk": (
        "Introduction to sociocracy for {audience}",
        "Why consent is not consensus",
        "Sociocracy in five minutes",
        "How circles share power",
    ),
    "webinar": (
        "Sociocracy 101 webinar",
        "Consent decision-making in practice (online)",
        "Q&A: running your first circle meeting",
        "Webinar: double links explained",
    ),
    "workshop": (
        "Workshop: consent decision-making",
        "Meetings that end on time: a facilitation workshop",
        "Selecting people for roles by consent",
        "Workshop on working with objections",
    ),
    "training": (
        "Three-day sociocracy training for {audience}",
        "Facilitator training, module {number}",
        "In-house training: circle structure and feedback",
        "Sociocracy foundations course, cohort {number}",
    ),
    "article": (
        "Why our coöperatie switched to consent",
        "Five myths about sociocracy",
        "What a school in Malmö taught me about circles",
        "Lessons from São Paulo's café collectives",
    ),
    "conversation": (
        "Open conversation: is sociocracy for us?",
        "Coffee and consent: informal Q&A",
        "Conversation with {audience} about self-governance",
    ),
    "event": (
        "Sociocracy meetup in {city}",
        "Stand at the cooperative fair",
        "Practice day: consent rounds for beginners",
    ),
    "other": (
        "Podcast interview on self-governance",
        "Translated the introductory booklet",
        "Mentoring a new practice group",
    ),
}

OUTREACH_DESCRIPTIONS = (
    "A hands-on session with rounds, consent decisions and a short debrief.",
    "We looked at how decisions are made today and tried one circle meeting together.",
    "Questions afterwards went on for another hour.",
    "Slides and notes were shared with everyone who attended.",
    "Organised with the local network of cooperatives.",
)

HOLDING_END_NOTES = {
    "stepped_down": ("Moved abroad.", "Taking a break for family.", "Focusing on other work."),
    "inactive": ("No activity logged for over a year.", ""),
    "end_of_term": ("Two-year term completed.", "Term ended; may reapply."),
    "suspended": ("Suspended while a complaint is reviewed.", "Certification revoked."),
}

PAUSE_NOTES = ("On parental leave until next year.", "Taking a sabbatical.", "", "")

LINK_URLS = {
    "linkedin": "https://linkedin.example/in/{slug}",
    "mastodon": "https://social.example/@{slug}",
    "bluesky": "https://bsky.example/profile/{slug}",
    "youtube": "https://video.example/@{slug}",
    "github": "https://code.example/{slug}",
    "other": "https://blog.example/{slug}",
}

DECLARATION_NOTES = (
    "I do this in every programme I run.",
    "Part of my monthly practice circle.",
    "Together with two other members of our network.",
    "Mostly online, sometimes in person.",
    "",
)

# The reviewer's note for each decision: the member sees it.
DECISION_NOTES = {
    "verified": ("", "", "Checked against the body's public register."),
    "rejected": (
        "The evidence does not show the member's name.",
        "The certificate shown is for a different level than the one claimed.",
    ),
    "changes_requested": (
        "The evidence link no longer opens; please upload the certificate instead.",
        "Please add the date the certificate was issued, as printed on it.",
    ),
}

REVOCATION_NOTES = (
    "The issuing body has withdrawn this certificate.",
    "Revoked after a review of the evidence found it was not genuine.",
)

# Issuing bodies typed in by members: plausible, fictional, not in the seeded list.
OTHER_BODIES = (
    ("Kreiskultur Akademie", "Moderatorin"),
    ("Instituto de Gobernanza Circular", "Facilitador"),
    ("Circle Forward Collective", "Practitioner"),
    ("Nordic Consent Network", "Trainer"),
    ("Escola de Autogestão", "Facilitadora"),
)
