"""Operator commands: `flask --app api <command>`."""
from __future__ import annotations

import os
import time
from dataclasses import fields

import click

from api import clock
from api.config import Config


def register(app) -> None:
    @app.cli.command("migrate")
    def migrate_command() -> None:
        """Bring the database schema up to date."""
        from api import migrations

        applied = migrations.migrate()
        click.echo(f"migrasi diterapkan: {', '.join(applied)}" if applied
                   else "skema sudah terbaru")

    @app.cli.command("seed-defaults")
    def seed_defaults_command() -> None:
        """Create the shipped schedule groups (5-day, 6-day, hospital shifts)."""
        from api.services.schedules import ensure_default_schedules

        groups = ensure_default_schedules()
        click.echo("grup jadwal: " + ", ".join(sorted(groups)))

    @app.cli.command("recompute")
    @click.option("--from", "date_from", required=True, type=click.DateTime(["%Y-%m-%d"]))
    @click.option("--to", "date_to", required=True, type=click.DateTime(["%Y-%m-%d"]))
    @click.option("--workers", default=os.cpu_count() or 1, show_default=True,
                  help="processes sharing the work")
    def recompute_command(date_from, date_to, workers: int) -> None:
        """Recompute daily records (workdays without events become TK once over)."""
        from api.services.daily import recompute_all

        started = time.perf_counter()
        # workers rebuild this very configuration, not whatever the environment says
        settings = {f.name: app.config[f.name] for f in fields(Config) if f.name in app.config}
        count = recompute_all(date_from.date(), date_to.date(), clock.now(), workers, settings)
        click.echo(f"{count} catatan harian dihitung ulang dalam "
                   f"{time.perf_counter() - started:.1f} detik")

    @app.cli.command("nightly")
    def nightly_command() -> None:
        """The nightly run now (the worker runs it by itself at NIGHTLY_AT): due mutations,
        every day since the last run recomputed, expired files purged, an audit checkpoint."""
        from api.services import jobs

        done = jobs.run_nightly(clock.now())
        click.echo(f"tanggal {done['dates'][0]} s.d. {done['dates'][1]}: mutasi: "
                   f"{done['mutations']}, catatan: {done['records']}, berkas dihapus: "
                   f"{done['files_purged']}, berkas tanpa catatan dihapus: "
                   f"{done['orphan_files_removed']}, token kedaluwarsa dibersihkan: "
                   f"{done['tokens_purged']}, checkpoint audit: entri "
                   f"#{done['audit_checkpoint']}")

    @app.cli.command("worker")
    def worker_command() -> None:
        """The job queue's consumer: recomputes asked for by changes, and the nightly run at
        NIGHTLY_AT (checked every five minutes)."""
        from api.services import jobs

        consumer = jobs.huey_of(app).huey.create_consumer(
            workers=app.config["JOBS_WORKERS"], worker_type="thread", periodic=True)
        consumer.run()

    @app.cli.command("create-admin")
    @click.option("--nip", required=True)
    @click.option("--name", required=True)
    @click.option("--opd-code", required=True)
    def create_admin_command(nip: str, name: str, opd_code: str) -> None:
        """Create a BKD admin account and print its one-time default password."""
        from api.models import Opd, ScheduleGroup
        from api.services import org

        opd = Opd.get(Opd.code == opd_code)
        group = ScheduleGroup.select().order_by(ScheduleGroup.id).first()
        employee, password = org.create_employee(None, {
            "nip": nip, "name": name, "jabatan": "Administrator Presensi", "golongan": "",
            "employment_type": "PNS", "opd_id": opd.id, "schedule_group_id": group.id,
            "location_ids": []})
        org.grant_role(None, employee, "admin", None)
        click.echo(f"admin dibuat: NIP {employee.nip}, kata sandi sekali pakai: {password}")

    @app.cli.group("audit")
    def audit_group() -> None:
        """The tamper-evident audit log."""

    @audit_group.command("verify")
    def audit_verify() -> None:
        """Walk the hash chain, then hold its tail against the last signed checkpoint."""
        from api.services.audit import verify_chain

        report = verify_chain()
        if report.ok:
            signed = report.checkpoint
            since = (f"; checkpoint terakhir {signed['at']} (entri #{signed['entry_id']})"
                     if signed else "; belum ada checkpoint")
            click.echo(f"OK: {report.entries} entri, rantai utuh{since}. "
                       f"Hash terakhir: {report.head}")
            return
        where = f"entri #{report.broken_id}: " if report.broken_id else ""
        click.echo(f"RUSAK: {where}{report.problem}", err=True)
        raise SystemExit(1)

    @audit_group.command("checkpoint")
    def audit_checkpoint() -> None:
        """Sign the chain's head now and append it outside the database."""
        from api.services import audit

        line = audit.checkpoint.write()
        click.echo(f"checkpoint: entri #{line['entry_id']} ({line['entries']} entri) "
                   f"{line['at']}")

