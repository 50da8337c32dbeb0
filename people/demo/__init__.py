"""Fictional demo data for development and demonstrations; never for production.

Demo members have addresses like demo-000123@example.invalid (a reserved domain, so no mail can
reach anyone), unusable passwords and links under reserved `.example` domains.

    names, places, texts   the raw material: name parts, countries and cities, sentences
    stories                the odds of each role, status and certificate; the showcase members
    reference              the editable rows (role types, levels, languages...) read once a run
    members                plans one member's records in memory, deterministically
    seeding                inserts them in bulk (`demo_seed`)
    reviewer               the dev-only reviewer login (`demo_reviewer_reset`)
"""
