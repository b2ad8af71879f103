"""Running ``motcua`` in-process as a script would, and what a refusal must look like."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from desktop.cli import main


@dataclass(frozen=True)
class Run:
    """One run: exit code, standard output, standard error."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """Standard output as JSON."""
        return json.loads(self.out)


def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str | None
) -> Run:
    """``motcua argv…`` with ``stdin``, capturing its output (argparse refusals included)."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return Run(code, out, err)


def assert_refused(result: Run, *fragments: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr: ``motcua: error:`` and ``fragments``."""
    assert result.code == 2, result
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("motcua: error: ")
    for fragment in fragments:
        assert fragment in lines[0]
