"""The dashboard's one HTTP client of the API: JWT login and refresh, timeouts, Indonesian errors.

It never touches the database; everything goes through `HADIR_API_URL`. Streamlit-free, so
tests and the deferred download callbacks (which run outside a script run) can use it."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field

import requests

from dashboard import texts

DEFAULT_URL = "http://127.0.0.1:8000"
TIMEOUT = (3.05, 30)  # (connect, read) seconds
EXPORT_TIMEOUT = (3.05, 300)  # a whole-pemda workbook takes longer to build
SESSION_CODES = {"TOKEN_EXPIRED", "TOKEN_INVALID", "TOKEN_REVOKED", "AUTH_REQUIRED"}


def api_url() -> str:
    return os.environ.get("HADIR_API_URL", DEFAULT_URL).rstrip("/")


class ApiError(Exception):
    """A refusal of the API (or its absence), with the Indonesian message to show."""

    def __init__(self, code: str, message: str, status: int = 0, details=None):
        super().__init__(message)
        self.code, self.message, self.status, self.details = code, message, status, details


class ApiUnavailable(ApiError):
    """The API did not answer (down, unreachable or too slow)."""


class SessionExpired(ApiError):
    """The session cannot be renewed: the user must log in again."""


def _refusal(response: requests.Response) -> ApiError:
    try:
        error = response.json()["error"]
        code, message, details = error["code"], error["message"], error.get("details")
    except (ValueError, KeyError, TypeError):
        code, message, details = "HTTP_ERROR", texts.API_HTTP_ERROR.format(
            status=response.status_code), None
    kind = SessionExpired if response.status_code == 401 and code in SESSION_CODES else ApiError
    if kind is SessionExpired:
        message = texts.SESSION_EXPIRED
    return kind(code, message, response.status_code, details)


@dataclass
class Client:
    """One user's connection: holds the tokens and renews them when the access token expires."""

    base_url: str = field(default_factory=api_url)
    access_token: str | None = None
    refresh_token: str | None = None
    http: requests.Session = field(default_factory=requests.Session, repr=False)
    client_ip: str | None = None  # the browser's address, forwarded for the API's rate limits
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def logged_in(self) -> bool:
        return self.access_token is not None

    def _send(self, method: str, path: str, *, token: str | None, timeout=TIMEOUT,
              **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if self.client_ip:
            headers["X-Forwarded-For"] = self.client_ip
        try:
            return self.http.request(method, f"{self.base_url}{path}", headers=headers,
                                     timeout=timeout, **kwargs)
        except requests.Timeout as exc:
            raise ApiUnavailable("API_TIMEOUT", texts.API_TIMEOUT) from exc
        except requests.ConnectionError as exc:
            raise ApiUnavailable("API_DOWN", texts.API_DOWN) from exc

    def _keep(self, answer: dict) -> dict:
        self.access_token = answer["access_token"]
        self.refresh_token = answer["refresh_token"]
        return answer

    def login(self, nip: str, password: str) -> dict:
        """Log in; returns the API's answer (tokens, roles, must_change_password)."""
        response = self._send("POST", "/api/v1/auth/login", token=None,
                              json={"nip": nip, "password": password})
        if response.status_code != 200:
            raise _refusal(response)
        return self._keep(response.json())

    def refresh(self) -> None:
        """Swap the refresh token for new tokens (the API rotates it)."""
        with self._lock:
            used = self.refresh_token
            if used is None:
                raise SessionExpired("NO_SESSION", texts.SESSION_EXPIRED, 401)
            response = self._send("POST", "/api/v1/auth/refresh", token=used)
            if response.status_code != 200:
                self.access_token = self.refresh_token = None
                raise SessionExpired("REFRESH_FAILED", texts.SESSION_EXPIRED, 401)
            self._keep(response.json())

    def request(self, method: str, path: str, *, timeout=TIMEOUT, **kwargs) -> requests.Response:
        """An authenticated call; an expired access token is renewed once and the call retried."""
        if self.access_token is None:
            raise SessionExpired("NO_SESSION", texts.SESSION_EXPIRED, 401)
        token = self.access_token
        response = self._send(method, path, token=token, timeout=timeout, **kwargs)
        if response.status_code == 401 and _code(response) == "TOKEN_EXPIRED":
            if self.access_token == token:  # nobody renewed it meanwhile
                self.refresh()
            response = self._send(method, path, token=self.access_token, timeout=timeout,
                                  **kwargs)
        if response.status_code >= 400:
            error = _refusal(response)
            if isinstance(error, SessionExpired):
                self.access_token = self.refresh_token = None
            raise error
        return response

    def get(self, path: str, params: dict | None = None) -> dict | list:
        return self.request("GET", path, params=_clean(params)).json()

    def get_bytes(self, path: str, params: dict | None = None, timeout=TIMEOUT) -> bytes:
        return self.request("GET", path, params=_clean(params), timeout=timeout).content

    def post(self, path: str, body: dict | None = None) -> dict | list | None:
        response = self.request("POST", path, json=body or {})
        return response.json() if response.content else None

    def delete(self, path: str) -> list[str]:
        return job_ids(self.request("DELETE", path))

    def write(self, method: str, path: str, **kwargs) -> tuple[dict | list | None, list[str]]:
        """A change (JSON body or multipart form); returns the answer and the ids of the
        background jobs it queued (the API names them in X-Job-Id)."""
        response = self.request(method, path, **kwargs)
        return (response.json() if response.content else None), job_ids(response)

    def change_password(self, old: str, new: str) -> dict:
        answer = self.request("POST", "/api/v1/auth/password",
                              json={"old_password": old, "new_password": new}).json()
        return self._keep(answer)

    def logout(self) -> None:
        """Revoke both tokens; an API that is down or a dead session still logs out locally."""
        try:
            if self.access_token:
                self.request("POST", "/api/v1/auth/logout",
                             json={"refresh_token": self.refresh_token})
        except ApiError:
            pass
        self.access_token = self.refresh_token = None


def job_ids(response: requests.Response) -> list[str]:
    return [part for part in response.headers.get("X-Job-Id", "").split(",") if part]


def _code(response: requests.Response) -> str | None:
    try:
        return response.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def _clean(params: dict | None) -> dict | None:
    """Drop empty filters so the API applies its defaults."""
    if params is None:
        return None
    return {key: value for key, value in params.items() if value not in (None, "")}
