"""The run store's errors (a module of their own so the store and its databases share them)."""

from __future__ import annotations

from nncore.errors import NNExplorerError


class RunStoreError(NNExplorerError):
    """A run could not be saved, found or reopened; the message says which and why."""


class RunDatabaseError(RunStoreError):
    """The database that holds the runs' metadata failed or did not answer.

    Its message names the kind of failure only: a database URL can hold a password and a
    host, and visitors are never shown the server's insides (the full error goes to the log).
    """


class RunKeptLocallyError(RunStoreError):
    """The run database went away during a save; the run was kept on this server's own disk
    and joins the shared runs once the database answers again."""


class RunQuotaError(RunStoreError):
    """The person's saved runs already use the disk this server keeps for each person; the run
    was not saved (it stays open in the session) until they delete some."""
