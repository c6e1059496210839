"""How the site's database connections are set up, from DATABASE_URL."""

from django.db import connection

from statements.config.settings import database


def test_postgresql_connections_compile_no_query_and_read_pages_in_any_order():
    config = database("postgres://site@db.example/timeline?sslmode=require")
    assert config["OPTIONS"] == {
        "sslmode": "require",
        "options": "-c jit=off -c random_page_cost=1.1",
    }


def test_the_site_connection_runs_as_set_up(db):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('jit'), current_setting('random_page_cost')")
            assert cursor.fetchone() == ("off", "1.1")
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone() == (1,)  # NORMAL, as WAL mode wants
