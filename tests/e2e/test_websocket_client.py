"""The classroom bench's browserless client (bench/streamlit_client.py) drives the real app.

`python -m bench --only classroom` trusts this client to do what a browser tab does: open pages,
press buttons, answer the live curves' reruns. If Streamlit's protocol moves, this test says so
before the bench quietly measures nothing.
"""

import asyncio
import threading
import time

from bench.streamlit_client import StreamlitSession


def test_the_client_opens_every_page_and_trains_like_a_browser_tab(app_url):
    async def journey():
        session = StreamlitSession(app_url)
        try:
            opened = await session.open()
            assert opened.exceptions == []
            assert {"Home", "Data", "Train", "Explain", "Runs"} <= set(session.pages())
            assert "Train the loaded network" in session.buttons()

            await session.press("Train the loaded network")  # Home's quick start switches to Train
            assert session.page_hash == session.page_hash_of("Train")
            deadline = time.monotonic() + 120
            while "Stop" in session.buttons() and time.monotonic() < deadline:
                await session.answer_auto_reruns(time.monotonic() + 2)
                await session.open_page("Train")
            assert session.fragment_runs > 0  # the live curves asked for reruns and got them
            assert "Stop" not in session.buttons(), "the training did not end within 120 s"

            for title in ("Evaluate", "Explain", "Inside", "Runs"):
                result = await session.open_page(title)
                assert result.exceptions == [], (title, result.exceptions)
                assert result.messages > 0
        finally:
            await session.close()

    # In a thread of its own: the browser tests' synchronous Playwright keeps an event loop
    # running in this one, and asyncio.run() refuses to start inside it.
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            asyncio.run(journey())
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread below
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(300)
    assert outcome, "the client's journey did not end within 300 s"
    if outcome[0] is not None:
        raise outcome[0]
