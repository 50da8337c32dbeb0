"""Full-text search over the directory's profiles, and paging that never counts every match.

A visitor's words must all match (AND), as word prefixes on PostgreSQL and as substrings on
SQLite, ignoring case and accents ("Zurich" finds "Zürich" and the other way round), in the
name, the headline, the bio, and the city only when the member shows it (searching a hidden
city would reveal it).

PostgreSQL: migration 0004 adds a stored, generated tsvector column `search_document` to
people_profile (name weight A, headline B, shown city C, bio D, accents removed by unaccent)
with a GIN index. It is deliberately not a model field: Django never reads or writes it, and
it exists only on PostgreSQL. Reads reach it through `SearchDocument`.

SQLite: a Python `unaccent` function is registered on each connection, and every word must
appear in unaccent(lower(field)) of one of the fields (LIKE). There is no ranking there.
"""

import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.paginator import Paginator
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import Expression, F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Lower
from django.utils.functional import cached_property

# Enough words to narrow anything down; more would only make the query slower.
MAX_WORDS = 8
MAX_WORD_LENGTH = 40

# How many matches are ranked by relevance, and how many a result count counts: ten pages of
# 24. A common word can match most of the directory: ranking or counting all of them is the
# slow part of a search, so only the first matches found through the index are ranked, and
# the count stops at the cap ("240+").
RESULT_CAP = 240

# Letters and combining marks that Unicode does not decompose but PostgreSQL's unaccent
# rewrites; the SQLite fallback maps them the same way.
_EXTRA_UNACCENT = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "\u0131": "i",  # dotless i
    }
)

# Word characters: letters, decimal digits and combining marks, but not the spacing modifier
# letters (U+02B0-U+02FF, apostrophe-like) nor "ŉ": PostgreSQL's unaccent turns those into
# punctuation, which the tsquery syntax would read as operators.
_WORD_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Mn", "Mc"}


def _is_word_character(char: str) -> bool:
    return (
        unicodedata.category(char) in _WORD_CATEGORIES
        and not "\u02b0" <= char <= "\u02ff"
        and char != "ŉ"
    )


def unaccent(text: str | None) -> str | None:
    """Remove accents the way PostgreSQL's unaccent does for Latin scripts (SQLite fallback)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_UNACCENT))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped)


def search_words(text: str | None) -> list[str]:
    """The lowercased words of a visitor's query, split on anything but letters and digits."""
    if not text:
        return []
    characters = [
        char if _is_word_character(char) else " "
        for char in unicodedata.normalize("NFC", text.lower())
    ]
    words = "".join(characters).split()
    # Marks left alone (e.g. after a dropped modifier letter) are not a word: unaccent would
    # leave nothing of them.
    words = [word[:MAX_WORD_LENGTH] for word in words if unicodedata.category(word[0]) != "Mn"]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _register_sqlite_unaccent(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("unaccent", 1, unaccent, deterministic=True)


def connect_sqlite_functions() -> None:
    """Called from PeopleConfig.ready(): every new SQLite connection gets `unaccent`."""
    connection_created.connect(_register_sqlite_unaccent, dispatch_uid="people_sqlite_unaccent")


class Unaccent(Func):
    """unaccent(text): the Python function above on SQLite (PostgreSQL uses its stored column)."""

    function = "unaccent"
    output_field = TextField()


class SearchDocument(Expression):
    """people_profile.search_document, the stored tsvector (PostgreSQL only, see module doc).

    Written as an expression rather than raw SQL so it follows the table when Django renames
    it inside a subquery.
    """

    output_field = SearchVectorField()

    def __init__(self, alias: str | None = None) -> None:
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query=None, *args, **kwargs):
        return SearchDocument(query.get_initial_alias())

    def relabeled_clone(self, change_map):
        return SearchDocument(change_map.get(self.alias, self.alias))

    def as_sql(self, compiler, connection):
        column = connection.ops.quote_name("search_document")
        return f"{compiler.quote_name_unless_alias(self.alias)}.{column}", []


def _tsquery(words: list[str]) -> SearchQuery:
    # Words hold only letters, digits and marks (search_words), so joining them with tsquery
    # operators cannot produce a syntax error. unaccent runs in the database, exactly as it
    # did for the document.
    text = " & ".join(f"{word}:*" for word in words)
    unaccented = Func(Value(text), function="people_immutable_unaccent", output_field=TextField())
    return SearchQuery(unaccented, config="simple", search_type="raw")


def _on_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def matching(queryset: QuerySet, words: list[str]) -> QuerySet:
    """Profiles in `queryset` matching every word."""
    if not words:
        return queryset
    if _on_postgresql(queryset):
        return queryset.alias(search_document=SearchDocument()).filter(
            search_document=_tsquery(words)
        )
    queryset = queryset.alias(
        **{
            f"_search_{name}": Unaccent(Lower(F(name)))
            for name in ("display_name", "headline", "bio", "city")
        }
    )
    for word in words:
        word = unaccent(word)
        queryset = queryset.filter(
            Q(_search_display_name__contains=word)
            | Q(_search_headline__contains=word)
            | Q(_search_bio__contains=word)
            | Q(show_city=True, _search_city__contains=word)
        )
    return queryset


def by_relevance(queryset: QuerySet, words: list[str]) -> QuerySet:
    """The profiles of a searched queryset (see `matching`), best match first.

    Only the first RESULT_CAP + 1 of them are ranked (see RESULT_CAP). Without ranking
    (SQLite, or no words) the order is by name.

    The candidates are fetched here, once, as a list of ids: as a subquery, the index search
    behind them would run again for the count and again for the page.
    """
    if not words or not _on_postgresql(queryset):
        return queryset.order_by("display_name", "pk")
    candidates = list(queryset.order_by().values_list("pk", flat=True)[: RESULT_CAP + 1])
    return (
        queryset.model._default_manager.filter(pk__in=candidates)
        .annotate(rank=SearchRank(SearchDocument(), _tsquery(words)))
        .order_by("-rank", "display_name", "pk")
    )


class CappedPaginator(Paginator):
    """A paginator that counts at most `cap` rows, through a LIMITed subquery.

    Past the cap the pages stop there and `is_capped` says there are more (show "240+").
    """

    def __init__(self, object_list: QuerySet, per_page: int, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap or RESULT_CAP

    @cached_property
    def _counted(self) -> int:
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def is_capped(self) -> bool:
        return self._counted > self.cap
