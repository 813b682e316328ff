"""Login, lockout, default passwords, refresh and logout."""
from __future__ import annotations

from api.models import Credential
from tests.factories import PASSWORD


def login(client, nip, password=PASSWORD):
    return client.post("/api/v1/auth/login", json={"nip": nip, "password": password})


def test_login_returns_tokens_and_roles(client, world):
    response = login(client, world.people["kepala_a"].nip)
    assert response.status_code == 200
    body = response.json
    assert body["access_token"] and body["refresh_token"]
    assert body["must_change_password"] is False
    assert {"pegawai", "atasan", "kepala_opd"} <= set(body["roles"])


def test_login_accepts_nip_with_spaces(client, world):
    nip = world.people["pegawai_a"].nip
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert login(client, spaced).status_code == 200


def test_wrong_password_gives_one_error_shape(client, world):
    response = login(client, world.people["pegawai_a"].nip, "salah")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "INVALID_CREDENTIALS"
    assert "salah" in response.json["error"]["message"]


def test_unknown_nip_is_indistinguishable_from_wrong_password(client, world):
    response = login(client, "199001012015011001", "apapun123")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "INVALID_CREDENTIALS"


def test_repeated_failures_lock_the_account(client, world, app):
    nip = world.people["pegawai_a"].nip
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert login(client, nip, "salah-lagi").status_code == 401
    locked = login(client, nip)  # even the right password is refused while locked
    assert locked.status_code == 423
    assert locked.json["error"]["code"] == "ACCOUNT_LOCKED"
    assert "locked_until" in locked.json["error"]["details"]


def test_lockout_expires(client, world, app):
    nip = world.people["pegawai_a"].nip
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        login(client, nip, "salah-lagi")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T07:30:00+07:00"  # 20 min later
    assert login(client, nip).status_code == 200


def test_the_operator_sees_the_lockout_and_unlocks_without_a_new_password(client, world, app):
    nip = world.people["pegawai_a"].nip
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        login(client, nip, "salah-lagi")
    url = f"/api/v1/employees/{world.people['pegawai_a'].id}"
    account = client.get(f"{url}/account", headers=world.headers("operator_a")).json
    assert account["locked"] is True and account["locked_until"].endswith("Z")
    assert not [key for key in account if "hash" in key] and PASSWORD not in str(account)
    assert client.post(f"{url}/unlock", headers=world.headers("operator_b")).status_code == 403
    opened = client.post(f"{url}/unlock", headers=world.headers("operator_a"))
    assert opened.status_code == 200 and opened.json["locked"] is False
    assert login(client, nip).status_code == 200  # the same password as before
    inbox = client.get("/api/v1/me/inbox", headers=world.headers("pegawai_a")).json["items"]
    assert inbox[0]["kind"] == "account" and "Kunci akun" in inbox[0]["title"]


def test_nobody_unlocks_an_account_above_their_duty(client, world):
    head = world.people["kepala_a"].id
    refused = client.post(f"/api/v1/employees/{head}/unlock", headers=world.headers("operator_a"))
    assert refused.status_code == 403 and refused.json["error"]["code"] == "ADMIN_ONLY_ACCOUNT"
    own = world.people["operator_a"].id
    assert client.post(f"/api/v1/employees/{own}/unlock",
                       headers=world.headers("operator_a")).status_code == 403
    assert client.post(f"/api/v1/employees/{head}/unlock",
                       headers=world.headers("admin")).status_code == 200


def test_default_password_account_can_only_change_password(client, world):
    from api.services import accounts

    employee = world.people["pegawai_a"]
    default = accounts.set_default_password(employee.id, None)
    body = login(client, employee.nip, default).json
    assert body["must_change_password"] is True
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    blocked = client.get("/api/v1/attendance/days?from=2026-03-01&to=2026-03-02",
                         headers=headers)
    assert blocked.status_code == 403
    assert blocked.json["error"]["code"] == "PASSWORD_CHANGE_REQUIRED"
    weak = client.post("/api/v1/auth/password", headers=headers,
                       json={"old_password": default, "new_password": "123456"})
    assert weak.status_code == 400 and weak.json["error"]["code"] == "PASSWORD_WEAK"
    changed = client.post("/api/v1/auth/password", headers=headers,
                          json={"old_password": default, "new_password": "Jember2026aman"})
    assert changed.status_code == 200
    new_headers = {"Authorization": f"Bearer {changed.json['access_token']}"}
    assert client.get("/api/v1/me", headers=new_headers).status_code == 200
    # the old token was revoked when the password changed
    assert client.get("/api/v1/me", headers=headers).json["error"]["code"] == "TOKEN_REVOKED"
    assert Credential.get(Credential.employee == employee.id).must_change_password is False


def test_refresh_rotates_and_logout_revokes(client, world):
    tokens = login(client, world.people["pegawai_a"].nip).json
    refreshed = client.post("/api/v1/auth/refresh",
                            headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    assert refreshed.status_code == 200
    again = client.post("/api/v1/auth/refresh",
                        headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    assert again.status_code == 401  # a used refresh token is revoked
    access = {"Authorization": f"Bearer {refreshed.json['access_token']}"}
    out = client.post("/api/v1/auth/logout", headers=access,
                      json={"refresh_token": refreshed.json["refresh_token"]})
    assert out.status_code == 204
    assert client.get("/api/v1/me", headers=access).status_code == 401
    assert client.post("/api/v1/auth/refresh", headers={
        "Authorization": f"Bearer {refreshed.json['refresh_token']}"}).status_code == 401


def test_inactive_account_cannot_log_in(client, world):
    employee = world.people["pegawai_b"]
    employee.active = False
    employee.save()
    response = login(client, employee.nip)
    assert response.status_code == 403
    assert response.json["error"]["code"] == "ACCOUNT_INACTIVE"


def test_missing_token_and_bad_body(client, world):
    assert client.get("/api/v1/me").json["error"]["code"] == "AUTH_REQUIRED"
    bad = client.post("/api/v1/auth/login", json={"nip": "1"})
    assert bad.status_code == 422
    assert bad.json["error"]["code"] == "VALIDATION_ERROR"
    assert "password" in bad.json["error"]["details"]
