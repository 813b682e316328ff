"""A small pemda for API tests, built through the real services (no fixtures in SQL)."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from api.models import Credential, Employee
from api.services import org, passwords, tokens
from api.services.seed import ensure_default_schedules

PASSWORD = "Rahasia123"
OFFICE_A = (-8.1724, 113.7005)  # Jember, Alun-alun
OFFICE_B = (-8.1600, 113.7200)
_sequence = itertools.count(1)


def make_nip(sex: int = 1) -> str:
    """A valid NIP: born 1985-01-01, TMT CPNS 2010-01, a fresh 3-digit sequence."""
    return f"19850101201001{sex}{next(_sequence) % 1000 or 1:03d}"


@dataclass
class World:
    groups: dict
    opds: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    locations: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)

    @classmethod
    def build(cls, app) -> World:
        world = cls(groups=ensure_default_schedules())
        world.opds["bkd"] = org.create_opd(None, {"code": "BKD", "name": "Badan Kepegawaian "
                                                  "dan Pengembangan SDM", "short_name": "BKPSDM",
                                                  "address": ""})
        world.opds["a"] = org.create_opd(None, {"code": "KOMINFO", "name": "Dinas Komunikasi dan "
                                                "Informatika", "short_name": "Diskominfo",
                                                "address": ""})
        world.opds["b"] = org.create_opd(None, {"code": "DINKES", "name": "Dinas Kesehatan",
                                                "short_name": "Dinkes", "address": ""})
        for key in ("bkd", "a", "b"):
            world.units[key] = org.create_unit(None, {"opd_id": world.opds[key].id,
                                                      "parent_id": None, "code": "SEK",
                                                      "name": "Sekretariat"})
        for key, (lat, lon) in (("a", OFFICE_A), ("b", OFFICE_B), ("bkd", OFFICE_A)):
            world.locations[key] = org.create_location(None, {
                "opd_id": world.opds[key].id, "name": f"Kantor {world.opds[key].short_name}",
                "kind": "office", "lat": lat, "lon": lon, "radius_m": 100,
                "tz": "Asia/Jakarta"})
        add = world.add_person
        add("admin", "bkd", roles=[("admin", None)])
        add("analis", "bkd", roles=[("analis", None)])
        add("kepala_a", "a", roles=[("kepala_opd", "a")])
        add("operator_a", "a", roles=[("operator", "a")], supervisor="kepala_a")
        add("atasan_a", "a", supervisor="kepala_a")
        add("pegawai_a", "a", supervisor="atasan_a")
        add("pegawai_a2", "a", supervisor="kepala_a")
        add("kepala_b", "b", roles=[("kepala_opd", "b")])
        add("operator_b", "b", roles=[("operator", "b")], supervisor="kepala_b")
        add("pegawai_b", "b", supervisor="kepala_b")
        return world

    def add_person(self, key: str, opd: str, roles=(), supervisor: str | None = None,
                   group: str = "5HK", password: str | None = PASSWORD) -> Employee:
        employee, _default = org.create_employee(None, {
            "nip": make_nip(), "name": key.replace("_", " ").title(), "jabatan": "Staf",
            "golongan": "III/a", "employment_type": "PNS", "opd_id": self.opds[opd].id,
            "unit_id": self.units[opd].id,
            "supervisor_id": self.people[supervisor].id if supervisor else None,
            "schedule_group_id": self.groups[group].id,
            "location_ids": [self.locations[opd].id],
        })
        employee.created_at = employee.created_at.replace(year=2020)
        employee.save()
        for role, role_opd in roles:
            org.grant_role(None, employee, role, self.opds[role_opd].id if role_opd else None)
        if password:
            Credential.update(password_hash=passwords.hash_password(password),
                              must_change_password=False).where(
                Credential.employee == employee.id).execute()
        self.people[key] = employee
        return employee

    def token(self, key: str) -> str:
        return tokens.issue(self.people[key].id, False)["access_token"]

    def headers(self, key: str, **extra) -> dict:
        return {"Authorization": f"Bearer {self.token(key)}", **extra}
