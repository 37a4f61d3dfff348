"""The README's two set-up commands stay true: CI runs exactly the documented test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", setup)


def test_readme_gives_exactly_two_setup_commands():
    commands = _commands()
    assert commands == [
        "pip install -r requirements.txt && streamlit run app.py",
        "pip install -r requirements-dev.txt && python -m pytest",
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert _commands()[1] in ci


def test_upload_limit_and_xsrf_are_configured():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "enableXsrfProtection = true" in config
    assert re.search(r"^maxUploadSize = \d+$", config, re.M)
