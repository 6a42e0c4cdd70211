"""Running the `clinic` command: as a real subprocess, or in-process for speed."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from intake.cli import main

CLINIC = str(Path(sys.executable).with_name("clinic"))


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def clinic(env: dict[str, str], *args: str, stdin: str | None = None) -> Result:
    """The installed `clinic` console script in a subprocess (the exact interface)."""
    done = subprocess.run([CLINIC, *args], env=env, input=stdin, capture_output=True, text=True,
                          timeout=300)
    return Result(done.returncode, done.stdout, done.stderr)


def clinic_inproc(env: dict[str, str], *args: str, stdin: str | None = None) -> Result:
    """The same command group run in this process (no interpreter start-up)."""
    clinic_env = {k: v for k, v in env.items() if k.startswith("CLINIC_")}
    runner = CliRunner()
    result = runner.invoke(main, list(args), input=stdin, env=clinic_env,
                           catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)
