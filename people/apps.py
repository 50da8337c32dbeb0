from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People"

    def ready(self) -> None:
        from people.search import connect_sqlite_functions

        connect_sqlite_functions()
