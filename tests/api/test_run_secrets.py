"""Start-up safety (issue 16): without JWT_SECRET_KEY / AUDIT_CHECKPOINT_KEY a demo, test or
development server makes one secret for all its processes, never one per process."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from api.config import Config
from api.run_secrets import shared_secret

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_process_makes_the_secret_and_the_others_read_it(tmp_path):
    path = tmp_path / "run" / "jwt_secret"
    first = shared_secret(path)
    assert len(first) >= 32 and shared_secret(path) == first
    assert path.stat().st_mode & 0o777 == 0o600


def test_an_empty_file_is_refused_not_trusted(tmp_path, monkeypatch):
    monkeypatch.setattr("api.run_secrets.WAIT_S", 0.1)
    path = tmp_path / "jwt_secret"
    path.write_text("")
    with pytest.raises(RuntimeError, match="empty"):
        shared_secret(path)


def test_processes_started_together_agree_on_one_secret(tmp_path):
    """Eight interpreters race to make the secret, as gunicorn's workers would."""
    code = ("import sys; from pathlib import Path; from api.run_secrets import shared_secret; "
            "print(shared_secret(Path(sys.argv[1])))")
    racers = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "s")], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True) for _ in range(8)]
    values = {racer.communicate(timeout=60)[0].strip() for racer in racers}
    assert len(values) == 1 and "" not in values


def test_a_relaxed_config_without_secrets_uses_the_run_dir(tmp_path, monkeypatch):
    for name in ("JWT_SECRET_KEY", "AUDIT_CHECKPOINT_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HADIR_ENV", "development")
    monkeypatch.setenv("RUN_DIR", str(tmp_path))
    one, two = Config.from_env(), Config.from_env()
    one.validate()
    two.validate()
    assert one.JWT_SECRET_KEY == two.JWT_SECRET_KEY == (tmp_path / "jwt_secret").read_text(
    ).strip()
    assert one.AUDIT_CHECKPOINT_KEY == two.AUDIT_CHECKPOINT_KEY != one.JWT_SECRET_KEY


def test_production_without_a_secret_still_refuses_to_start(monkeypatch, tmp_path):
    monkeypatch.delenv("JWT_SECRET_KEY", raising=False)
    monkeypatch.setenv("HADIR_ENV", "production")
    monkeypatch.setenv("RUN_DIR", str(tmp_path))
    with pytest.raises(RuntimeError, match="JWT_SECRET_KEY"):
        Config.from_env().validate()
    assert not (tmp_path / "jwt_secret").exists()
