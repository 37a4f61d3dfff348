"""Start the real app (`streamlit run app.py`) on a free local port, for benchmarks and e2e tests.

Also holds the page-side probe both use to tell when the app has settled after a click.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 90.0

# Installed in every browser context before the app loads. It records when the script-run
# state last changed and counts the messages (and bytes) the server sends over Streamlit's
# websocket, with the time of the last one. A click's rerun always brings messages (even a run too
# fast for the frontend to ever paint "running"), and "idle" means: not running and nothing
# received for a moment, which also bridges the short gap between the two runs of an
# st.rerun().
INIT_SCRIPT = """
(() => {
  const nnx = window.__nnx = {frames: 0, bytes: 0, lastFrame: 0, lastChange: performance.now(), state: null, lastPress: 0};
  // When the page received the last mouse press or key press (the event's own time stamp).
  for (const type of ['mousedown', 'keydown']) {
    window.addEventListener(type, (event) => { nnx.lastPress = event.timeStamp; }, true);
  }
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        nnx.frames += 1;
        nnx.lastFrame = performance.now();
        const data = event.data;
        nnx.bytes += data.byteLength ?? data.size ?? data.length ?? 0;  // ArrayBuffer, Blob or text
      });
    }
  };
  new MutationObserver(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app && app.getAttribute('data-test-script-state');
    if (state === nnx.state) return;
    nnx.state = state;
    nnx.lastChange = performance.now();
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ['data-test-script-state']});
})();
"""

# Script-run states in which nothing is running (Streamlit marks stApp with them).
IDLE_STATES = ("notRunning", "compilationError")

# True once the app is idle and has been quiet (no state change, no message) for quietMs.
IDLE_PREDICATE = """([idle, quietMs]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || !idle.includes(app.getAttribute('data-test-script-state'))) return false;
    const nnx = window.__nnx;
    return !nnx || performance.now() - Math.max(nnx.lastChange, nnx.lastFrame) >= quietMs;
}"""


class ServerFailed(RuntimeError):
    """The app did not start; the message carries the end of its log."""


def free_port() -> int:
    """A free local port, or NNX_BENCH_PORT when set (machines shared with others hand out ranges)."""
    if os.environ.get("NNX_BENCH_PORT"):
        return int(os.environ["NNX_BENCH_PORT"])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except OSError:
        return False


def log_tail(path: Path, chars: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def serving_app(log_path: Path, env: dict[str, str] | None = None, port: int | None = None,
                args: tuple[str, ...] = ()):
    """Run the app on `port` (default: a free one) of 127.0.0.1; yield (base URL, server process); stop it after.

    `args`: more `streamlit run` options (the sign-in test passes its secrets file). Raises
    ServerFailed if it is not healthy within START_TIMEOUT_S.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        *args,
    ]
    full_env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONUNBUFFERED="1", **(env or {}))
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not healthy(url):
                if process.poll() is not None:
                    raise ServerFailed(f"streamlit exited with code {process.returncode} before it was healthy; "
                                       f"{log_path} ends:\n{log_tail(log_path)}")
                if time.monotonic() > deadline:
                    raise ServerFailed(f"streamlit was not healthy at {url} after {START_TIMEOUT_S:.0f} s; "
                                       f"{log_path} ends:\n{log_tail(log_path)}")
                time.sleep(0.25)
            yield url, process
        finally:
            stop_process_group(process)


def stop_process_group(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def cpu_seconds(pid: int | None = None) -> float:
    """CPU seconds (user + system) used so far by process `pid`, or by the whole machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    if pid is None:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()[1:]
        busy = sum(int(v) for v in fields) - int(fields[3]) - int(fields[4])  # minus idle and iowait
        return busy / ticks
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def process_memory_and_threads(pid: int) -> tuple[float, int]:
    """(resident MB, thread count) of a process, read from /proc (Linux)."""
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["Threads"])
