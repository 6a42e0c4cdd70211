"""Typed, frozen configuration read from the environment.

Embedded mode (the default) keeps everything under the instance folder and generates its
own secrets there on first use, each file mode 0600. Production mode
(`CLINIC_ENV=production`) generates nothing: it refuses to start and names what is missing.
There is no secret default anywhere in the code.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENVIRONMENTS = ("development", "production", "test")
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret
KEYRING_FILE = "keyring.json"
AUDIT_KEY_FILE = "audit_head.key"
DEFAULT_INSTANCE_DIR = "instance"


class ConfigError(Exception):
    """The configuration is incomplete or invalid; the message names the setting."""


@dataclass(frozen=True, slots=True)
class AlertThresholds:
    """How many events of a kind in one day make the audit alerts flag a person or account."""

    exports_per_day: int = 20  # export approvals and downloads by one person
    reveals_per_day: int = 20  # deliberate reveals of a survivor's field by one person
    failed_sign_ins_per_day: int = 5  # failed sign-in steps against one account


# The environment variable of each threshold.
ALERT_SETTINGS = {
    "CLINIC_ALERT_EXPORTS_PER_DAY": "exports_per_day",
    "CLINIC_ALERT_REVEALS_PER_DAY": "reveals_per_day",
    "CLINIC_ALERT_FAILED_SIGN_INS_PER_DAY": "failed_sign_ins_per_day",
}
MAX_ALERT_THRESHOLD = 100_000


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the app, the CLI and the workers need to know about their environment."""

    env: str
    instance_dir: Path
    database_url: str
    secret_key: str
    keyring_file: Path | None
    keyring_json: str | None
    audit_key_file: Path
    redis_url: str | None
    spacy_model: str | None
    session_cookie_secure: bool
    idle_timeout_minutes: int = 15
    absolute_timeout_hours: int = 12
    max_upload_bytes: int = 50 * 1024 * 1024
    work_hours: tuple[int, int] = (7, 20)  # local hours; audit alerts flag access outside them
    timezone: str = "UTC"
    # Reverse proxies (TLS termination) in front of the app whose X-Forwarded-* headers are
    # trusted; 0 ignores those headers, so a client cannot spoof its address.
    proxy_hops: int = 0
    alerts: AlertThresholds = AlertThresholds()

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def blob_dir(self) -> Path:
        """Where encrypted document blobs live."""
        return self.instance_dir / "blobs"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Config:
        """Read the configuration; in embedded mode create the instance folder and secrets."""
        env_map = os.environ if environ is None else environ
        env = env_map.get("CLINIC_ENV", "development").strip() or "development"
        if env not in ENVIRONMENTS:
            raise ConfigError(f"CLINIC_ENV must be one of {', '.join(ENVIRONMENTS)}")
        instance_dir = Path(env_map.get("CLINIC_INSTANCE_DIR", DEFAULT_INSTANCE_DIR)).resolve()
        if env == "production":
            return cls._production(env_map, instance_dir)
        return cls._embedded(env, env_map, instance_dir)

    @classmethod
    def _production(cls, env_map: Mapping[str, str], instance_dir: Path) -> Config:
        missing = [
            name
            for name in ("CLINIC_DATABASE_URL", "CLINIC_SECRET_KEY")
            if not env_map.get(name)
        ]
        if not env_map.get("CLINIC_KEYRING_FILE") and not env_map.get("CLINIC_KEYRING"):
            missing.append("CLINIC_KEYRING_FILE (or CLINIC_KEYRING)")
        if not env_map.get("CLINIC_AUDIT_KEY_FILE"):
            missing.append("CLINIC_AUDIT_KEY_FILE")
        if missing:
            raise ConfigError("production mode needs " + ", ".join(missing))
        keyring_file = env_map.get("CLINIC_KEYRING_FILE")
        return cls(
            env="production",
            instance_dir=instance_dir,
            database_url=env_map["CLINIC_DATABASE_URL"],
            secret_key=env_map["CLINIC_SECRET_KEY"],
            keyring_file=Path(keyring_file) if keyring_file else None,
            keyring_json=env_map.get("CLINIC_KEYRING") if not keyring_file else None,
            audit_key_file=Path(env_map["CLINIC_AUDIT_KEY_FILE"]),
            redis_url=env_map.get("CLINIC_REDIS_URL") or None,
            spacy_model=env_map.get("CLINIC_SPACY_MODEL") or None,
            session_cookie_secure=True,
            **_work_settings(env_map),  # type: ignore[arg-type]
        )

    @classmethod
    def _embedded(cls, env: str, env_map: Mapping[str, str], instance_dir: Path) -> Config:
        _private_dir(instance_dir)
        secret_key = env_map.get("CLINIC_SECRET_KEY") or _secret_file(
            instance_dir / SECRET_KEY_FILE, lambda: secrets.token_urlsafe(48)
        )
        keyring_file: Path | None = None
        keyring_json = env_map.get("CLINIC_KEYRING") or None
        if not keyring_json:
            keyring_file = Path(env_map.get("CLINIC_KEYRING_FILE") or instance_dir / KEYRING_FILE)
            if not keyring_file.exists():
                from crypto import Keyring

                Keyring.generate().save_file(keyring_file)
        audit_key_file = Path(env_map.get("CLINIC_AUDIT_KEY_FILE") or instance_dir / AUDIT_KEY_FILE)
        if not audit_key_file.exists():
            _secret_file(audit_key_file, lambda: secrets.token_hex(32))
        database_url = env_map.get("CLINIC_DATABASE_URL") or (
            f"sqlite:///{instance_dir / 'clinic.sqlite3'}"
        )
        return cls(
            env=env,
            instance_dir=instance_dir,
            database_url=database_url,
            secret_key=secret_key,
            keyring_file=keyring_file,
            keyring_json=keyring_json,
            audit_key_file=audit_key_file,
            redis_url=env_map.get("CLINIC_REDIS_URL") or None,
            spacy_model=env_map.get("CLINIC_SPACY_MODEL") or None,
            session_cookie_secure=env_map.get("CLINIC_SECURE_COOKIES", "0") == "1",
            **_work_settings(env_map),  # type: ignore[arg-type]
        )


def _work_settings(env_map: Mapping[str, str]) -> dict[str, object]:
    """Working hours ("7-20"), time zone and thresholds for the audit alerts; trusted proxy
    hops."""
    out: dict[str, object] = {}
    hours = env_map.get("CLINIC_WORK_HOURS")
    if hours:
        try:
            start, end = (int(part) for part in hours.split("-"))
        except ValueError as exc:
            raise ConfigError("CLINIC_WORK_HOURS must look like 7-20") from exc
        if not 0 <= start < end <= 24:
            raise ConfigError("CLINIC_WORK_HOURS must look like 7-20")
        out["work_hours"] = (start, end)
    if env_map.get("CLINIC_TIMEZONE"):
        out["timezone"] = env_map["CLINIC_TIMEZONE"]
    hops = env_map.get("CLINIC_PROXY_HOPS", "").strip()
    if hops:
        if not hops.isdigit() or not 0 <= int(hops) <= 5:
            raise ConfigError("CLINIC_PROXY_HOPS must be a whole number from 0 to 5")
        out["proxy_hops"] = int(hops)
    thresholds = _alert_thresholds(env_map)
    if thresholds is not None:
        out["alerts"] = thresholds
    return out


def _alert_thresholds(env_map: Mapping[str, str]) -> AlertThresholds | None:
    """The thresholds set in the environment (the rest keep their defaults), or None."""
    values: dict[str, int] = {}
    for name, field in ALERT_SETTINGS.items():
        raw = env_map.get(name, "").strip()
        if not raw:
            continue
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_ALERT_THRESHOLD:
            raise ConfigError(f"{name} must be a whole number from 1 to {MAX_ALERT_THRESHOLD}")
        values[field] = int(raw)
    return AlertThresholds(**values) if values else None


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)


def _secret_file(path: Path, make: object) -> str:
    """Return the secret in `path`, creating it (mode 0600, exclusively) when absent."""
    if path.exists():
        return path.read_text().strip()
    assert callable(make)
    value = str(make())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value
