"""Pure helpers for the router: which pages a role sees, and the shared filters ⇄ URL.

The filters live in the URL's query parameters (`bulan`, `opd`, `unit`, `jenis`) so that a
view can be shared as a link; these functions parse and write them without Streamlit."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from dashboard import texts

EMPLOYMENT_TYPES = ("PNS", "CPNS", "PPPK", "PTT-PK", "NON_ASN")
REPORT_ROLES = frozenset({"kepala_opd", "operator", "admin", "analis"})
APPROVER_ROLES = frozenset({"atasan", "kepala_opd", "operator", "admin"})
WHOLE_PEMDA_ROLES = frozenset({"admin", "analis"})


@dataclass(frozen=True)
class PageSpec:
    slug: str
    file: str
    title: str
    icon: str
    roles: frozenset[str]  # any of these roles sees the page


PAGES = (
    PageSpec("beranda", "app_pages/beranda.py", texts.PAGE_BERANDA, ":material/home:",
             REPORT_ROLES | {"atasan"}),  # an atasan sees their own team
    PageSpec("persetujuan", "app_pages/persetujuan.py", texts.PAGE_PERSETUJUAN,
             ":material/task_alt:", APPROVER_ROLES),
    PageSpec("monitoring", "app_pages/monitoring.py", texts.PAGE_MONITORING,
             ":material/calendar_month:", REPORT_ROLES),
    PageSpec("kampanye", "app_pages/kampanye.py", texts.PAGE_KAMPANYE,
             ":material/share_location:", REPORT_ROLES),
    PageSpec("analitik", "app_pages/analitik.py", texts.PAGE_ANALITIK, ":material/insights:",
             WHOLE_PEMDA_ROLES),
    PageSpec("pegawai", "app_pages/pegawai.py", texts.PAGE_PEGAWAI, ":material/badge:",
             frozenset({"pegawai"})),
    PageSpec("kelola", "app_pages/kelola.py", texts.PAGE_KELOLA, ":material/group_add:",
             frozenset({"operator", "admin"})),
    PageSpec("perubahan", "app_pages/perubahan.py", texts.PAGE_PERUBAHAN,
             ":material/edit_calendar:", frozenset({"operator", "admin", "atasan"})),
    PageSpec("gangguan", "app_pages/gangguan.py", texts.PAGE_GANGGUAN, ":material/report:",
             frozenset({"operator", "admin"})),
    PageSpec("audit", "app_pages/audit.py", texts.PAGE_AUDIT, ":material/policy:",
             frozenset({"admin"})),
    PageSpec("pengaturan", "app_pages/pengaturan.py", texts.PAGE_PENGATURAN,
             ":material/settings:", frozenset({"admin"})),
)


def visible_pages(roles: Iterable[str]) -> list[PageSpec]:
    """The pages a user with these roles may open, in menu order."""
    held = set(roles)
    return [page for page in PAGES if held & page.roles]


def supervises(roles: Iterable[str]) -> bool:
    """Whether the user sees other people's data (anything beyond pegawai)."""
    return bool(set(roles) - {"pegawai"})


@dataclass(frozen=True)
class Filters:
    month: str  # "YYYY-MM"
    opd: int | None = None
    unit: int | None = None
    employment_type: str | None = None

    @property
    def year(self) -> int:
        return int(self.month[:4])

    @property
    def first_day(self) -> date:
        return date(self.year, int(self.month[5:7]), 1)


FILTER_KEYS = ("bulan", "opd", "unit", "jenis")


def month_key(day: date) -> str:
    return f"{day:%Y-%m}"


def month_options(today: date, count: int = 13) -> list[str]:
    """This month and the `count - 1` before it, newest first."""
    index = today.year * 12 + today.month - 1
    return [f"{(index - i) // 12:04d}-{(index - i) % 12 + 1:02d}" for i in range(count)]


def month_label(key: str) -> str:
    year, month = key.split("-")
    return f"{texts.MONTHS[int(month) - 1]} {year}"


def month_end(key: str) -> date:
    year, month = (int(part) for part in key.split("-"))
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_filters(params: Mapping[str, str], today: date, opd_ids: Iterable[int],
                  unit_opds: Mapping[int, int], default_opd: int | None) -> Filters:
    """Filters from query parameters; a value outside the user's options falls back.

    `opd_ids` are the OPDs the user may pick (a kepala OPD gets only theirs, so a shared link
    never widens their scope); `unit_opds` maps unit id → OPD id; `default_opd` is used when
    the link names no OPD (None: the whole pemda)."""
    months = month_options(today)
    month = params.get("bulan") if params.get("bulan") in months else months[0]
    allowed = set(opd_ids)
    opd = _int(params.get("opd"))
    if opd not in allowed:
        opd = default_opd
    unit = _int(params.get("unit"))
    if unit not in unit_opds or opd is None or unit_opds[unit] != opd:
        unit = None
    kind = params.get("jenis")
    return Filters(month, opd, unit, kind if kind in EMPLOYMENT_TYPES else None)


def filter_params(filters: Filters) -> dict[str, str]:
    """The query parameters that reproduce these filters (empty ones left out)."""
    values = {"bulan": filters.month, "opd": filters.opd, "unit": filters.unit,
              "jenis": filters.employment_type}
    return {key: str(value) for key, value in values.items() if value is not None}


def analytics_requests(month: str, opd: int | None, dim: str, period: str, today: date,
                       unit: int | None = None, employment_type: str | None = None,
                       ) -> dict[str, tuple[str, dict]]:
    """The API reads behind the Analitik page (also prefetched at a BKD user's login). The
    charts are narrowed by unit and type on the server; the watch-list and fraud lists are
    per person and per OPD."""
    first, last = date.fromisoformat(f"{month}-01"), month_end(month)
    trend_from = f"{month_options(first, 4)[-1]}-01"  # three months before, for context
    people = {"opd": opd}
    scope = {**people, **({"unit": unit} if unit is not None else {}),
             **({"employment_type": employment_type} if employment_type else {})}
    return {
        "heatmap": ("/api/v1/analytics/heatmap", {"month": month, "dim": dim, **scope}),
        "trend": ("/api/v1/analytics/trend", {"from": trend_from,
                                              "to": min(last, today).isoformat(),
                                              "period": period, **scope}),
        "tiers": ("/api/v1/analytics/tiers", {"month": month, **scope}),
        "ranking": ("/api/v1/analytics/ranking", {"month": month, **scope}),
        "watchlist": ("/api/v1/discipline/watchlist", {"year": first.year, **people}),
        "fraud": ("/api/v1/analytics/fraud", {"from": first.isoformat(),
                                              "to": last.isoformat(), **people}),
    }
