"""A Streamlit client that speaks the app's websocket protocol without a browser.

A browser session is a websocket to `/_stcore/stream` carrying protobuf messages: the browser
sends `BackMsg`s (run the script with these widget values, on this page), the server answers
with `ForwardMsg`s (the elements of each run, then `script_finished`). This client sends the
same messages a browser sends for a click: open a page, press a button, and it answers the
server's auto-reruns (`st.fragment(run_every=...)`) as a browser tab does. It renders nothing,
so one process can drive thirty sessions and the CPU goes to the server being measured
(the browser-driven load bench is limited by its Chromium tabs).

Only what the classroom bench needs is here: pages by title, buttons by label, widget values
kept by the server from earlier runs (a browser resends them all; the server keeps a widget's
last value when a run's client state leaves it out, so sending only what changed is enough).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

FINISHED = ForwardMsg.ScriptFinishedStatus
# A run that ended by st.rerun()/st.switch_page is followed at once by another run: not the end.
_RUN_ENDS = (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR)


class ClientError(RuntimeError):
    """The server closed the session, or a run did not finish in time."""


@dataclass
class RunResult:
    seconds: float  # from sending the request to the end of the last run it caused
    messages: int
    exceptions: list[str] = field(default_factory=list)


class StreamlitSession:
    """One visitor: a websocket session on the app, driven by page titles and button labels."""

    def __init__(self, base_url: str) -> None:
        self._ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
        self._connection = None
        self._pages: dict[str, str] = {}  # page title -> page_script_hash
        self.page_hash = ""
        self._buttons: dict[str, str] = {}  # label -> widget id, from the latest full run
        self._texts: list[str] = []  # markdown/alert bodies of the latest full run
        self._auto_reruns: dict[str, float] = {}  # fragment id -> interval (s)
        self._reader: asyncio.Task | None = None
        self._run_done: asyncio.Event | None = None
        self._messages = 0
        self._exceptions: list[str] = []
        self._closed = False
        self.fragment_runs = 0

    # --- connection -------------------------------------------------------------------------
    async def open(self, query_string: str = "", timeout_s: float = 120.0) -> RunResult:
        self._connection = await connect(self._ws_url, max_size=256 * 1024 * 1024, open_timeout=timeout_s)
        self._reader = asyncio.create_task(self._read())
        return await self._rerun(query_string=query_string, timeout_s=timeout_s)

    async def close(self) -> None:
        self._closed = True
        if self._connection is not None:
            await self._connection.close()
        if self._reader is not None:
            self._reader.cancel()

    async def _read(self) -> None:
        try:
            async for raw in self._connection:
                message = ForwardMsg()
                message.ParseFromString(raw)
                self._handle(message)
        except Exception:  # a closed or broken connection: the session has ended
            pass
        self._closed = True
        if self._run_done is not None:
            self._run_done.set()

    def _handle(self, message: ForwardMsg) -> None:
        self._messages += 1
        kind = message.WhichOneof("type")
        if kind == "navigation":
            self._pages = {p.page_name: p.page_script_hash for p in message.navigation.app_pages}
            self.page_hash = message.navigation.page_script_hash or self.page_hash
        elif kind == "new_session":
            self.page_hash = message.new_session.page_script_hash or self.page_hash
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which == "button":
                self._buttons[element.button.label] = element.button.id
            elif which == "markdown":
                self._texts.append(element.markdown.body)
            elif which == "alert":
                self._texts.append(element.alert.body)
            elif which == "exception":
                self._exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "auto_rerun":
            self._auto_reruns[message.auto_rerun.fragment_id] = message.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fragment_id in message.stop_auto_rerun.fragment_ids:
                self._auto_reruns.pop(fragment_id, None)
        elif kind == "script_finished":
            if message.script_finished in _RUN_ENDS and self._run_done is not None:
                self._run_done.set()

    # --- what a person does -----------------------------------------------------------------
    def pages(self) -> list[str]:
        return list(self._pages)

    def page_hash_of(self, title: str) -> str:
        return self._pages[title]

    def buttons(self) -> list[str]:
        return list(self._buttons)

    def text(self) -> str:
        return "\n".join(self._texts)

    async def open_page(self, title: str, timeout_s: float = 120.0) -> RunResult:
        if title not in self._pages:
            raise ClientError(f"no page {title!r}; pages: {sorted(self._pages)}")
        return await self._rerun(page_hash=self._pages[title], timeout_s=timeout_s)

    async def press(self, label: str, timeout_s: float = 120.0) -> RunResult:
        if label not in self._buttons:
            raise ClientError(f"no button {label!r}; buttons: {sorted(self._buttons)}")
        return await self._rerun(trigger=self._buttons[label], timeout_s=timeout_s)

    async def _rerun(self, *, query_string: str = "", page_hash: str | None = None,
                     trigger: str | None = None, timeout_s: float) -> RunResult:
        if self._closed:
            raise ClientError("the server closed this session")
        request = BackMsg()
        state = request.rerun_script
        state.query_string = query_string
        state.page_script_hash = page_hash if page_hash is not None else self.page_hash
        if trigger is not None:
            widget = state.widget_states.widgets.add()
            widget.id = trigger
            widget.trigger_value = True
        self._buttons, self._texts, self._exceptions = {}, [], []
        self._auto_reruns = {}  # a new full run declares its fragments again
        self._run_done = asyncio.Event()
        started, messages_before = time.perf_counter(), self._messages
        await self._connection.send(request.SerializeToString())
        try:
            await asyncio.wait_for(self._run_done.wait(), timeout_s)
        except asyncio.TimeoutError:
            raise ClientError(f"the run did not finish within {timeout_s:.0f} s") from None
        if self._closed:
            raise ClientError("the server closed this session")
        if page_hash is not None:
            self.page_hash = page_hash
        return RunResult(time.perf_counter() - started, self._messages - messages_before, list(self._exceptions))

    async def answer_auto_reruns(self, until: float) -> None:
        """Send the fragment reruns a browser tab sends (st.fragment(run_every=...)) until `until`
        (time.monotonic()); they stop when the page stops asking for them."""
        next_due: dict[str, float] = {}
        while time.monotonic() < until and not self._closed:
            now = time.monotonic()
            for fragment_id, interval in list(self._auto_reruns.items()):
                due = next_due.setdefault(fragment_id, now + interval)
                if now >= due:
                    request = BackMsg()
                    request.rerun_script.page_script_hash = self.page_hash
                    request.rerun_script.fragment_id = fragment_id
                    request.rerun_script.is_auto_rerun = True
                    await self._connection.send(request.SerializeToString())
                    self.fragment_runs += 1
                    next_due[fragment_id] = now + interval
            await asyncio.sleep(0.05)
