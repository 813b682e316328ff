#!/usr/bin/env bash
# `make run`: migrate, create demo data once, start API + dashboard from the Procfile.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p data/run
export PATH="$PWD/.venv/bin:$PATH"  # the Procfile runs gunicorn and streamlit from the venv
export HADIR_ENV=demo
export FACE_MODELS_DIR=${FACE_MODELS_DIR:-data/models}
export API_PORT=${API_PORT:-8000} DASHBOARD_PORT=${DASHBOARD_PORT:-8501}
export HADIR_API_URL=${HADIR_API_URL:-http://127.0.0.1:${API_PORT}}
# the dashboard runs on this host and forwards each browser's address to the API
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
# no JWT_SECRET_KEY / AUDIT_CHECKPOINT_KEY needed: in demo the first process makes each secret
# once in data/run/ and every worker reads it (api/run_secrets.py), so logins and audit
# checkpoints hold across workers and restarts

.venv/bin/flask --app api migrate
if [ ! -s data/demo_logins.json ]; then
  .venv/bin/python -m data.demo --employees "${DEMO_EMPLOYEES:-300}" --months "${DEMO_MONTHS:-2}" \
    --seed "${DEMO_SEED:-7}"
fi
.venv/bin/python - <<'PY'
import json, os
logins = json.load(open("data/demo_logins.json"))
print("\nHadir berjalan:")
print(f"  Presensi   {os.environ['HADIR_API_URL']}/presensi/  (aplikasi web pegawai, buka di ponsel/laptop)")
print(f"  Dasbor     http://127.0.0.1:{os.environ['DASHBOARD_PORT']}")
print(f"  API        {os.environ['HADIR_API_URL']}/api/v1  (OpenAPI: /api/v1/openapi.json)")
print("\nAkun demo (NIP / kata sandi):")
for entry in logins:
    print(f"  {entry['role']:<15} {entry['nip']:<20} {entry['password']:<16} {entry['name']}")
print("\nPresensi dengan kamera laptop: masuk ke /presensi/ sebagai operator, Lainnya → Daftarkan")
print("wajah pegawai → pilih akun pegawai_kamera, ambil 2–3 foto wajah Anda; keluar, lalu masuk")
print("sebagai pegawai_kamera, tekan Presensi Masuk dan ikuti petunjuk gerak di layar.")
print("\nHentikan dengan Ctrl+C.\n")
PY
exec .venv/bin/honcho start -f Procfile
