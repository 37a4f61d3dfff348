"""Small trained runs shared by the run-store tests (trained once per module, a few epochs), and the
two databases the store tests run against: the embedded SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import pytest

from tests.explain.trained import train
from tests.runs.postgres_server import PostgresServer

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def circles_run():
    return train("circles", "small_mlp", 3, n_points=200)


@pytest.fixture(scope="session")
def iris_run():
    return train("iris", "logistic", 3)


@pytest.fixture(autouse=True)
def _private_pending_folder(tmp_path_factory, monkeypatch):
    """Runs kept while the database is away wait here, never in the user's home folder."""
    monkeypatch.setenv("NNX_PENDING_FOLDER", str(tmp_path_factory.mktemp("pending")))
    monkeypatch.delenv("NNX_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def postgres_server():
    server = PostgresServer()
    yield server
    server.close()


@pytest.fixture(params=BACKENDS)
def database_url(request):
    """None for the embedded SQLite file; a fresh, empty PostgreSQL database's URL otherwise."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def make_store(database_url):
    """`make_store(folder, **options)`: a RunStore on the test's database, as every session of a
    server (or every replica, for PostgreSQL) would open it."""
    from nncore.runs import RunStore

    def make(path, **options):
        return RunStore(path, database_url=database_url, **options)

    return make
