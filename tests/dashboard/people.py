"""Arranging through the real API for the dashboard tests: fresh employees of the caller's OPD
with NIPs no other test uses, and reading them back."""
from __future__ import annotations

import itertools

import requests

_serial = itertools.count(101)


def new_nip() -> str:
    """A valid NIP no other test uses (born 1 Jan 1985, appointed Jan 2010, male)."""
    return f"198501012010011{next(_serial):03d}"


def hired(api, headers, name: str, **fields) -> dict:
    """A fresh employee of the caller's OPD, made through the API."""
    opd = requests.get(f"{api}/api/v1/me", headers=headers, timeout=10).json()["opd"]["id"]
    group = requests.get(f"{api}/api/v1/schedule-groups", headers=headers,
                         timeout=10).json()[0]["id"]
    answer = requests.post(f"{api}/api/v1/employees", headers=headers, timeout=10, json={
        "nip": new_nip(), "name": name, "opd_id": opd, "schedule_group_id": group, **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def employee(api, headers, employee_id: int) -> dict:
    return requests.get(f"{api}/api/v1/employees/{employee_id}", headers=headers,
                        timeout=10).json()


def find_by_nip(api, headers, nip: str) -> dict:
    return requests.get(f"{api}/api/v1/employees", headers=headers, timeout=10,
                        params={"q": nip}).json()["items"][0]
