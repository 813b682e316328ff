"""Every piece of text the dashboard shows, in Bahasa Indonesia (one place, per STYLE.md)."""
from __future__ import annotations

APP_TITLE = "Hadir — Dasbor Presensi"
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAYS_SHORT = ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min")

# --- API client ---------------------------------------------------------------------------
API_DOWN = ("Server Hadir tidak dapat dihubungi. Periksa koneksi atau coba lagi beberapa "
            "saat lagi.")
API_TIMEOUT = "Server Hadir terlalu lama menjawab. Coba lagi beberapa saat lagi."
API_HTTP_ERROR = "Server Hadir menjawab dengan galat (HTTP {status})."
SESSION_EXPIRED = "Sesi Anda telah berakhir. Silakan masuk kembali."

# --- login and account --------------------------------------------------------------------
LOGIN_TITLE = "Masuk ke Hadir"
LOGIN_INTRO = "Dasbor pemantauan presensi untuk atasan, kepala OPD, operator, dan BKD."
NIP = "NIP / ID pegawai"
PASSWORD = "Kata sandi"
LOGIN_BUTTON = "Masuk"
LOGIN_MISSING = "Isi NIP dan kata sandi."
CHANGE_TITLE = "Ganti kata sandi bawaan"
CHANGE_INTRO = ("Akun Anda masih memakai kata sandi bawaan. Demi keamanan, ganti kata sandi "
                "sebelum melanjutkan.")
OLD_PASSWORD = "Kata sandi lama"
NEW_PASSWORD = "Kata sandi baru"
CONFIRM_PASSWORD = "Ulangi kata sandi baru"
CHANGE_BUTTON = "Simpan kata sandi baru"
PASSWORD_MISMATCH = "Kata sandi baru dan ulangannya tidak sama."
PASSWORD_CHANGED = "Kata sandi berhasil diganti."
LOGOUT = "Keluar"
SIGNED_IN_AS = "Masuk sebagai **{name}**  \nNIP {nip} · {opd}"
ROLE_NAMES = {"pegawai": "Pegawai", "atasan": "Atasan langsung", "kepala_opd": "Kepala OPD",
              "operator": "Operator OPD", "admin": "Admin BKD", "analis": "Analis BKD"}

# --- pages and shared filters -------------------------------------------------------------
PAGE_BERANDA = "Beranda"
PAGE_PERSETUJUAN = "Persetujuan"
PAGE_MONITORING = "Monitoring bulanan"
PAGE_ANALITIK = "Analitik"
PAGE_PEGAWAI = "Pegawai"
PAGE_RIWAYAT = "Riwayat saya"
PAGE_PENGATURAN = "Pengaturan"
PAGE_KAMPANYE = "Laporan keberadaan"
PAGE_KELOLA = "Kelola pegawai"
PAGE_AUDIT = "Log audit"
AUDIT_VERIFY = "Periksa rantai audit"
AUDIT_OK = "Rantai audit utuh: {entries} entri; {checkpoint}."
AUDIT_BROKEN = "Rantai audit RUSAK: {problem}{at}; {checkpoint}."
AUDIT_BROKEN_AT = " (entri #{entry})"
AUDIT_CHECKPOINT = "checkpoint bertanda tangan terakhir di entri #{entry}, {when}"
AUDIT_NO_CHECKPOINT = "belum ada checkpoint bertanda tangan"
AUDIT_ACTOR = "NIP pelaku"
AUDIT_TARGET = "NIP pegawai sasaran"
AUDIT_ACTION = "Tindakan"
AUDIT_ACTION_HELP = "Nama tindakan persis, mis. absence.approve, manual.create, campaign.create"
AUDIT_FROM = "Dari tanggal"
AUDIT_TO = "Sampai tanggal"
AUDIT_SHOW = "Tampilkan"
AUDIT_UNKNOWN_NIP = "NIP tidak ditemukan."
AUDIT_FOUND = "{total} entri; {shown} terbaru ditampilkan."
AUDIT_COLUMNS = {"id": "No.", "at": "Waktu", "actor": "Pelaku", "action": "Tindakan",
                 "entity": "Data", "evidence": "Bukti"}
AUDIT_SYSTEM = "sistem"
AUDIT_PICK = "Entri"
AUDIT_BEFORE = "Sebelum"
AUDIT_AFTER = "Sesudah"
AUDIT_HASH = "Hash sebelumnya {prev}… · hash entri {hash}…"
IMPORT_TITLE = "Impor pegawai dari SIMPEG/BKD"
IMPORT_HELP = ("Kolom: NIP, Nama, Jabatan, Golongan, Jenis Pegawai, Unit, NIP Atasan, Lokasi "
               "(xlsx atau CSV). Berkas diperiksa dulu; tidak ada yang disimpan sebelum semua "
               "baris benar. NIP yang sudah ada diperbarui. Akun baru belum punya kata sandi: "
               "terbitkan dengan Reset kata sandi saat akun diserahkan.")
IMPORT_TEMPLATE = "Unduh templat impor"
IMPORT_FILE = "Berkas ekspor SIMPEG (xlsx atau CSV)"
IMPORT_PREVIEW = "Periksa berkas"
IMPORT_COUNTS = {"create": "Baru", "update": "Diperbarui", "unchanged": "Tetap",
                 "error": "Salah"}
IMPORT_COLUMNS = {"row": "Baris", "name": "Nama", "action": "Tindakan",
                  "changes": "Perubahan", "errors": "Kesalahan"}
IMPORT_FIELDS = {"name": "nama", "jabatan": "jabatan", "golongan": "golongan",
                 "employment_type": "jenis pegawai", "unit_id": "unit",
                 "supervisor_id": "atasan"}
IMPORT_FIX = "{count} baris salah: perbaiki di berkas lalu periksa lagi. Belum ada yang disimpan."
IMPORT_NOTHING = "Semua baris sama dengan data tersimpan: tidak ada yang diubah."
IMPORT_WRITE = "Simpan {count} perubahan"
IMPORT_DONE = ("Tersimpan: {create} pegawai baru, {update} diperbarui, {unchanged} tetap, "
               "{error} salah.")
FILTERS = "Filter"
FILTER_MONTH = "Bulan"
FILTER_OPD = "OPD"
FILTER_UNIT = "Unit kerja"
FILTER_TYPE = "Jenis pegawai"
ALL_OPDS = "Semua OPD"
ALL_UNITS = "Semua unit"
ALL_TYPES = "Semua jenis"
EMPLOYMENT_TYPE_NAMES = {"PNS": "PNS", "CPNS": "CPNS", "PPPK": "PPPK", "PTT-PK": "PTT-PK",
                         "NON_ASN": "Non-ASN"}
SHARE_HINT = "Tautan halaman ini menyimpan filter: salin dari bilah alamat untuk berbagi."
NO_DATA = "Belum ada data untuk pilihan ini."
OTHER = "(tanpa unit)"

# --- statuses (daily records and today's board) ------------------------------------------
STATE_NAMES = {"present": "Hadir", "late": "Terlambat", "not_yet": "Belum presensi",
               "excused": "Izin/cuti/dinas", "pending": "Menunggu persetujuan",
               "absent": "TK", "off": "Libur", "employees": "Pegawai"}
CATEGORY_NAMES = {"present": "Hadir tepat waktu", "late": "Terlambat / pulang cepat",
                  "wfh": "Hadir di luar kantor", "incomplete": "TM/TP", "absent": "TK",
                  "excused": "Cuti/izin/dinas", "off": "Libur", "waiting": "Belum/menunggu",
                  "none": "Tanpa catatan"}

CODE_NAMES = {
    "OUTSIDE_GEOFENCE": "Di luar geofence", "IMPOSSIBLE_JUMP": "Lompatan lokasi mustahil",
    "FACE_OF_OTHER_EMPLOYEE": "Wajah pegawai lain",
    "OFFLINE_CAPTURE": "Diambil tanpa sinyal",
    "MOCK_LOCATION": "Lokasi palsu", "LOW_ACCURACY": "Akurasi GPS rendah",
    "NOTE_REQUIRED": "Catatan wajib", "FACE_MISMATCH": "Wajah tidak cocok",
    "SPOOF_SUSPECTED": "Dugaan foto palsu", "REPLAY_SUSPECTED": "Dugaan foto ulang",
    "SPOOF_REVIEW": "Keaslian wajah perlu diperiksa", "FACE_TOO_CLOSE": "Wajah terlalu dekat",
    "CHALLENGE_NOT_FOLLOWED": "Tantangan tidak diikuti",
    "CHALLENGE_FACE_CHANGED": "Wajah berganti saat tantangan",
    "NO_FACE": "Wajah tidak terdeteksi", "MULTIPLE_FACES": "Lebih dari satu wajah",
    "FACE_TOO_SMALL": "Wajah terlalu kecil", "FACE_BLURRY": "Foto buram",
    "FACE_TOO_DARK": "Foto terlalu gelap", "FACE_TOO_BRIGHT": "Foto terlalu terang",
    "ALREADY_CHECKED_IN": "Sudah presensi", "TOO_EARLY": "Terlalu pagi",
    "WINDOW_CLOSED": "Di luar jendela presensi", "NOT_WORKDAY": "Bukan hari kerja",
    "DEVICE_NOT_BOUND": "Perangkat tidak terdaftar", "DEVICE_SHARED": "Perangkat dipakai bersama",
    "DEVICE_BLOCKED": "Perangkat diblokir", "DEVICE_PENDING": "Perangkat menunggu persetujuan",
    "DEVICE_CHANGE_REQUESTED": "Permintaan ganti perangkat", "FACE_NOT_ENROLLED": "Wajah belum "
    "didaftarkan"}
APPROVAL_NAMES = {"pending": "Menunggu", "approved": "Disetujui", "rejected": "Ditolak"}

# --- Beranda -----------------------------------------------------------------------------
BERANDA_TITLE = "Beranda — {date}"
BERANDA_CAPTION = "Papan hari ini: siapa sudah hadir, terlambat, belum presensi, atau izin."
BY_OPD = "Per OPD"
BY_UNIT = "Per unit kerja"
ARRIVALS = "Sebaran jam datang"
ARRIVALS_SUMMARY = "Median {median} · 10% tercepat sebelum {p10} · 90% sebelum {p90}"
ON_TIME = "Tepat waktu"
LATE = "Terlambat"
COUNT = "Jumlah"
CLOCK = "Jam"

# --- Persetujuan -------------------------------------------------------------------------
PERSETUJUAN_TITLE = "Persetujuan"
QUEUE_SIZE = "{total} menunggu keputusan Anda"
QUEUE_EMPTY = "Tidak ada yang menunggu persetujuan. 🎉"
KIND_NAMES = {"checkin": "Presensi menunggu persetujuan",
              "absence": "Permohonan izin/cuti",
              "device": "Ganti perangkat", "cancellation": "Pembatalan kehadiran",
              "face": "Pendaftaran ulang wajah",
              "campaign_excuse": "Alasan tidak melapor keberadaan"}
EXCUSE_WHAT = "{campaign} · {day} · jendela {window}"
FACE_NEW = "Foto baru (didaftarkan oleh {name})"
FACE_CURRENT = "Wajah yang berlaku sekarang"
FACE_NOT_KEPT = "Foto lama tidak tersimpan (didaftarkan sebelum foto disimpan)."
FACE_SIMILARITY = ("Kemiripan wajah baru dengan yang berlaku: **{score}** (di bawah 0,93 berarti "
                   "kemungkinan orang lain)")
APPROVE = "Setujui"
REJECT = "Tolak"
REASON = "Alasan penolakan"
REASON_REQUIRED = "Tulis alasan penolakan terlebih dahulu."
SELECT = "Pilih"
BULK_APPROVE = "Setujui yang dipilih ({count})"
BULK_PROGRESS = "Menyetujui {done} dari {total}…"
APPROVED = "Disetujui: {who}"
REJECTED = "Ditolak: {who}"
BULK_DONE = "{count} pengajuan disetujui."
DECISION_FAILED = "Gagal memutuskan {who}: {message}"
NOTE = "Catatan"
PURPOSE = "Keperluan"
PURPOSES = {"WFH": "Bekerja dari rumah (WFH)", "DINAS_LUAR": "Tugas kedinasan di luar kantor"}
OFFLINE_TIMES = ("Diambil tanpa sinyal: {captured} menurut jam perangkat (belum terverifikasi), "
                 "diterima server {received}.")
SIMILARITY = "Kemiripan wajah"
LIVENESS = "Skor keaslian (liveness)"
LIVENESS_REVIEW = ("Keaslian wajah belum meyakinkan. Bandingkan swafoto dengan rangkaian "
                   "fotonya: tolak bila tampak foto, layar atau orang lain.")
LIVENESS_PATHS = {"challenge": "dengan tantangan gerak", "passive": "tanpa tantangan (satu foto)"}
CHALLENGE_OUTCOMES = {"live": "wajah 3D mendekat — lolos",
                      "inconsistent": "bergerak, tetapi tidak seperti wajah 3D",
                      "flat": "datar seperti foto/layar", "not_followed": "petunjuk tidak diikuti",
                      "face_changed": "wajah berganti"}
CHALLENGE_LINE = "Pemeriksaan keaslian {path}: {outcome}"
FRAMES = "Rangkaian foto tantangan (urutan pengambilan)"
DISTANCE = "Jarak dari kantor"
ACCURACY = "Akurasi GPS"
MOCK_FLAG = "⚠️ Lokasi palsu (mock) terdeteksi"
NO_SELFIE = "Tanpa swafoto"
SUBMITTED = "Diajukan {when}"
ABSENCE_RANGE = "{code} · {start} s.d. {end} ({days} hari kerja)"
DOCUMENT = "Unduh dokumen pendukung"
CURRENT_DEVICES = "Perangkat aktif sekarang: {devices}"
NEW_DEVICE = "Perangkat baru: {uid}"
WITNESSES = "Saksi: {names}"
SUPERVISOR = "Atasan: {name}"
MAP_OFFICE = "Kantor"
MAP_CHECKIN = "Titik presensi"
MAP_GEOFENCE = "Geofence {radius} m"

# --- Monitoring bulanan ------------------------------------------------------------------
MONITORING_TITLE = "Monitoring bulanan — {month}"
RECAP = "Rekap bulan (Lampiran II)"
CALENDAR = "Kalender pegawai"
PICK_EMPLOYEE = "Pilih pegawai"
EXPORTS = "Unduhan"
EXPORT_MONTHLY = {"xlsx": "Unduh Lampiran II (xlsx)", "pdf": "Cetak Lampiran II (PDF)"}
EXPORT_DAILY = {"xlsx": "Unduh Lampiran I {date} (xlsx)",
                "pdf": "Cetak Lampiran I {date} (PDF)"}
DAILY_DATE = "Tanggal lembar harian"
EXPORT_PEMDA = "Siapkan rekap seluruh pemda (ZIP per OPD)"
EXPORT_PEMDA_DAILY = "Siapkan Lampiran I seluruh pemda (ZIP per OPD)"
EXPORT_PEMDA_ONE = {"xlsx": "Unduh rekap se-pemda (satu berkas xlsx)",
                    "pdf": "Cetak Lampiran II se-pemda (satu berkas PDF)"}
EXPORT_PROGRESS = "Menyiapkan {name} ({done}/{total})…"
EXPORT_READY = "Berkas siap: {count} OPD."
EXPORT_ZIP = "Unduh ZIP ({count} berkas)"
CLOSING = "Status penutupan bulan"
CLOSING_OPEN = "Belum ditutup"
CLOSING_CLOSED = "Ditutup {when}"
CLOSING_REOPENED = "Dibuka kembali {when}: {reason}"
CLOSE_MONTH = "Tutup bulan {month} untuk {opd}"
CLOSED_OK = "Bulan {month} ditutup untuk {opd}."
CLOSE_ALL = "Tutup bulan {month} untuk semua OPD yang siap ({count} belum ditutup)"
CLOSED_ALL = "{count} OPD ditutup."
NOT_READY = "{count} OPD belum siap ditutup"
CLOSING_WHY = "Alasan"
REOPEN_REASON = "Alasan membuka kembali (wajib, tercatat di log audit)"
REOPEN = "Buka kembali bulan {month} untuk {opd}"
REOPENED_OK = "Bulan {month} dibuka kembali untuk {opd}."
METRIC_EMPLOYEES = "Pegawai"
METRIC_ATTENDANCE = "Kehadiran"
METRIC_TK = "Hari TK"
METRIC_LATE = "Menit terlambat"
METRIC_PP94 = "Pegawai kena PP 94"
RECAP_COLUMNS = {
    "no": "No", "name": "Nama", "nip": "NIP", "jabatan": "Jabatan", "unit_name": "Unit",
    "opd_name": "OPD", "workdays": "Hari kerja", "present_days": "Hadir",
    "attendance_percent": "% hadir", "late_minutes": "Menit terlambat",
    "early_minutes": "Menit pulang cepat", "tk_days": "TK", "leave_days": "Cuti/S/DL/Diklat",
    "izin_days": "Izin", "wfh_days": "WFH", "tm_days": "TM", "tp_days": "TP",
    "tpp_percent": "Potongan TPP %", "pp94_days": "TK PP 94 (s.d. bulan ini)",
    "pp94_level": "Tingkat PP 94", "pp94_penalty": "Hukuman", "mutation_date": "Mutasi",
}

# --- Analitik ----------------------------------------------------------------------------
ANALITIK_TITLE = "Analitik — {month}"
HEATMAP = "Peta panas disiplin"
HEATMAP_DIMS = {"opd_date": "OPD × tanggal", "unit_weekday": "Unit × hari"}
HEATMAP_METRICS = {"late_percent": "% terlambat", "absent_percent": "% TK",
                   "attendance_percent": "% hadir"}
TREND = "Tren keterlambatan"
TREND_PERIODS = {"week": "Mingguan", "month": "Bulanan"}
TREND_NOW = "Periode ini"
TREND_BEFORE = "Periode sebelumnya"
TREND_AXIS = "% hari terlambat"
TIERS = "Rincian TL/PSW"
RANKING = "Peringkat OPD"
RANKING_AXIS = "% kehadiran"
WATCHLIST = "Daftar pantau PP 94/2021 ({year})"
WATCHLIST_EMPTY = "Belum ada pegawai yang mencapai tingkat hukuman disiplin."
WATCH_COLUMNS = {"name": "Nama", "nip": "NIP", "opd_name": "OPD", "ytd_tk_days": "TK",
                 "ytd_converted_days": "Konversi menit (hari)", "pp94_days": "Jumlah hari",
                 "pp94_level": "Tingkat", "pp94_penalty": "Hukuman",
                 "next_level_at": "Tingkat berikutnya pada", "longest_tk_streak": "TK beruntun"}
LEVEL_NAMES = {"ringan": "Ringan", "sedang": "Sedang", "berat": "Berat"}
FRAUD = "Sinyal kecurangan"
FRAUD_NAMES = {"mock": "Lokasi palsu (mock)", "shared_coordinates": "Koordinat identik",
               "shared_devices": "HP dipakai bersama", "face_mismatch": "Wajah tidak cocok",
               "replay": "Foto ulang (replay)", "other_face": "Wajah pegawai lain"}
FRAUD_COLUMNS = {"name": "Nama", "nip": "NIP", "opd_name": "OPD", "attempts": "Upaya",
                 "last_at": "Terakhir", "employees": "Pegawai", "device_uid": "ID perangkat",
                 "lat": "Lintang", "lon": "Bujur", "days": "Hari",
                 "matched_name": "Wajah milik", "matched_nip": "NIP pemilik wajah"}
PERCENT = "%"
OPD = "OPD"
DATE = "Tanggal"
UNIT = "Unit"
DAY = "Hari"
WEEK = "Pekan {n}"

# --- Pegawai -----------------------------------------------------------------------------
PEGAWAI_TITLE = "Pegawai"
SEARCH = "Cari nama atau NIP"
SEARCH_RESULTS = "{total} pegawai ditemukan"
SEARCH_NONE = "Tidak ada pegawai yang cocok dalam lingkup Anda."
YEAR = "Tahun"
YEAR_CALENDAR = "Kalender {year}"
EVENTS = "Riwayat presensi {month}"
EVENTS_EMPTY = "Tidak ada upaya presensi pada bulan ini."
EVENT_COLUMNS = {"recorded_at": "Waktu", "kind": "Jenis", "status": "Hasil",
                 "codes": "Kode", "similarity": "Kemiripan", "liveness": "Liveness",
                 "distance_m": "Jarak (m)", "note": "Catatan", "approval": "Persetujuan"}
EVENT_KINDS = {"in": "Masuk", "out": "Pulang"}
EVENT_STATUS = {"ACCEPTED": "Diterima", "PENDING": "Menunggu", "REJECTED": "Ditolak"}
SELFIES = "Swafoto"
PROFILE = "{name} · NIP {nip} · {jabatan} · {opd}"
YEAR_SUMMARY = {"present": "Hari hadir", "late": "Hari terlambat/pulang cepat",
                "absent": "TK", "excused": "Cuti/izin/dinas"}

# --- Pengaturan --------------------------------------------------------------------------
PENGATURAN_TITLE = "Pengaturan"
TAB_SCHEDULES = "Jadwal"
TAB_HOLIDAYS = "Hari libur"
TAB_LOCATIONS = "Lokasi"
TAB_RULES = "Parameter aturan"
TAB_DEVICES = "Perangkat"
TAB_JOBS = "Pekerjaan latar"
RAMADAN_YEAR = "Tahun Ramadan"
RAMADAN_SUGGEST = "Usulkan periode Ramadan"
RAMADAN_OFFER = ("Usulan: {name}, {start} – {end}, dengan jam kerja Ramadan grup ini. {basis}")
RAMADAN_SAVE = "Simpan periode Ramadan ini"
RAMADAN_SAVED = "Periode Ramadan disimpan; catatan harian yang terkena dihitung ulang di latar."
JOBS_CAPTION = ("Perubahan jadwal, hari libur dan roster dihitung ulang di latar oleh worker; "
                "proses malam berjalan sendiri setiap hari. Muat ulang halaman untuk melihat "
                "kemajuan terbaru.")
JOB_KINDS = {"recompute": "Hitung ulang", "nightly": "Proses malam"}
JOB_STATUSES = {"queued": "Menunggu", "running": "Berjalan", "done": "Selesai",
                "failed": "Gagal"}
JOB_REASONS = {"schedule.patterns": "pola mingguan", "schedule.period.create": "periode baru",
               "schedule.period.delete": "periode dihapus", "schedule.roster": "roster",
               "holiday.set": "hari libur", "holiday.delete": "hari libur dihapus",
               "rules.version.create": "versi aturan", "employee.mutation": "mutasi",
               "location.update": "zona waktu kantor", "employee.locations": "lokasi pegawai",
               "employee.schedule_group": "kelompok jadwal pegawai"}
JOB_COLUMNS = {"kind": "Jenis", "status": "Status", "progress": "Pegawai", "dates": "Tanggal",
               "why": "Sebab", "created": "Dibuat", "finished": "Selesai", "outcome": "Hasil"}
JOB_OUTCOME = "{records} catatan"
JOB_CLOSED = "; bulan tertutup dilewati: {months}"
SCHEDULE_COLUMNS = {"weekday": "Hari", "start": "Masuk", "end": "Pulang",
                    "checkin": "Jendela presensi masuk", "checkout": "Jendela presensi pulang",
                    "break": "Istirahat"}
PERIODS = "Periode khusus (mis. Ramadan)"
SHIFTS = "Sif"
HOLIDAY_COLUMNS = {"date": "Tanggal", "name": "Nama", "kind": "Jenis", "action": "Tindakan"}
HOLIDAY_KINDS = {"public": "Libur nasional", "cuti_bersama": "Cuti bersama",
                 "local": "Libur daerah"}
LOCAL_DAYS = "Hari libur daerah dan perubahan"
ADD_LOCAL = "Tambah hari libur daerah"
LOCAL_NAME = "Nama hari libur"
LOCAL_KIND = "Jenis"
SAVE = "Simpan"
SAVED = "Tersimpan."
LOCATION_COLUMNS = {"name": "Nama", "kind": "Jenis", "lat": "Lintang", "lon": "Bujur",
                    "radius_m": "Radius (m)", "tz": "Zona waktu", "active": "Aktif"}
RULES_IN_FORCE = "Berlaku sejak {since}"
RULES_DEFAULT = "Nilai bawaan (RULES.md)"
TPP_TABLE = "Potongan TPP per kejadian (%)"
RULE_PARAMS = "Parameter lain"
RULE_VERSIONS = "Riwayat versi"
NEW_VERSION = "Versi baru"
EFFECTIVE_FROM = "Berlaku mulai"
RULE_NOTE = "Dasar hukum / alasan"
CONVERT_SWITCH = "Konversi menit terlambat/pulang cepat menjadi hari TK"
MONTHLY_CAP = "Batas potongan bulanan (%)"
# Laporan keberadaan (SiAbOn campaigns)
CAMPAIGN_NEW = "Kampanye laporan keberadaan baru"
CAMPAIGN_FIELDS = {"name": "Nama kampanye", "date_from": "Mulai", "date_to": "Selesai",
                   "windows": "Jendela laporan harian (jam kantor pegawai)",
                   "opds": "Perangkat daerah sasaran", "employment_types": "Jenis pegawai",
                   "selfie_required": "Wajib swafoto", "zone": "Zona",
                   "report_deadline": "Batas laporan kepala OPD ke BKD"}
CAMPAIGN_WINDOWS_HELP = "Pisahkan dengan koma, mis. 07:00-09:00, 15:00-17:00 (WIB/WITA/WIT "
CAMPAIGN_WINDOWS_HELP += "menurut kantor masing-masing pegawai)."
CAMPAIGN_ALL_OPDS = "Kosong: seluruh pemda"
CAMPAIGN_ALL_TYPES = "Kosong: semua jenis"
CAMPAIGN_ZONES = {"none": "Tanpa zona", "circle": "Lingkaran (titik pusat + radius)",
                  "polygon": "Poligon"}
CAMPAIGN_RADIUS = "Radius (km)"
CAMPAIGN_DEADLINE_TIME = "Pukul"
LAT = "Lintang"
LON = "Bujur"
CAMPAIGN_SAVED = "Kampanye {name} disimpan."
CAMPAIGN_DELETED = "Kampanye dihapus."
CAMPAIGN_DELETE = "Hapus kampanye (belum dimulai)"
CAMPAIGN_NONE = "Belum ada kampanye laporan keberadaan."
CAMPAIGN_PICK = "Kampanye"
CAMPAIGN_CAPTION = "Jendela {windows} · {zone} · batas laporan kepala OPD {deadline}"
CAMPAIGN_DAY = "Hari"
CAMPAIGN_WHOLE = "Seluruh masa kampanye"
CAMPAIGN_COUNTS = {"reported": "Melapor", "excused": "Berizin", "missed": "Tidak melapor",
                   "open": "Jendela terbuka", "upcoming": "Belum dibuka"}
CAMPAIGN_OUTSIDE = "Di luar zona"
CAMPAIGN_PERCENT = "Kepatuhan"
CAMPAIGN_BY_WINDOW = "Per jendela"
CAMPAIGN_BY_OPD = "Per perangkat daerah"
CAMPAIGN_BY_UNIT = "Per unit kerja"
CAMPAIGN_WHEN = "Jendela"
CAMPAIGN_NON_REPORTERS = "Belum/tidak melapor ({count} pegawai)"
CAMPAIGN_ALL_REPORTED = "Semua pegawai sudah melapor atau berizin."
CAMPAIGN_NAME = "Nama"
CAMPAIGN_MISSED = "Jendela yang belum/tidak dilaporkan"
CAMPAIGN_OUTSIDE_LIST = "Laporan di luar zona (kemungkinan bepergian)"
CAMPAIGN_EXPORT = {"xlsx": "Unduh hasil pemantauan (xlsx)",
                   "pdf": "Cetak daftar yang tidak melapor (PDF)"}
VERSION_SAVED = ("Versi baru disimpan; hari yang terdampak dihitung ulang di latar (tab "
                 "Pekerjaan latar).")
DEVICE_REQUESTS = "Permintaan ganti perangkat"
DEVICE_NONE = "Tidak ada permintaan perangkat yang menunggu."
KIOSKS = "Perangkat kios OPD"
DEVICE_COLUMNS = {"employee_name": "Pegawai", "device_uid": "ID perangkat", "note": "Catatan",
                  "requested_at": "Diminta", "status": "Status"}
DELETE = "Hapus"
CODE = "Kode"
VALUE = "Nilai"
RULE_PARAM = "Parameter"
LOCAL_ACTIONS = {"add": "Ditambahkan", "remove": "Dibatalkan (hari kerja)"}
LOCATION_KINDS = {"office": "Kantor", "alternative": "Lokasi alternatif"}
RULE_PARAM_NAMES = {
    "late_tier_bounds": "Batas TL1–TL3 (menit)", "early_tier_bounds": "Batas PSW1–PSW3 (menit)",
    "tm_tier": "TM dihitung sebagai TL", "tp_tier": "TP dihitung sebagai PSW",
    "convert_minutes_to_tk": "Konversi menit ke hari TK",
    "minutes_per_tk_day": "Menit per hari TK", "tpp_monthly_cap": "Batas potongan bulanan (%)",
    "tpp_daily_cap": "Batas potongan harian (%)",
    "consecutive_tk_limit": "TK berturut-turut untuk pemberhentian (hari kerja)",
    "geofence_max_accuracy_m": "Akurasi GPS terburuk yang diterima (m)",
    "max_speed_kmh": "Kecepatan maksimum antar-lokasi (km/jam)"}
KIOSK_COLUMNS = {"uid": "ID perangkat", "label": "Label", "opd_id": "OPD", "active": "Aktif"}

# --- write forms (dashboard/forms.py) -----------------------------------------------------
FIELD_REASON = "{field}: {reason}"
JOB_FOLLOW = "Hitung ulang ({what}): {status}, {done} dari {total} pegawai"
JOB_FAILED = "Hitung ulang gagal: {error}"
JOB_STILL_RUNNING = ("Hitung ulang masih berjalan di latar; kemajuannya ada di Pengaturan → "
                     "Pekerjaan latar.")
NOBODY = "(tidak ada)"
WHOLE_PEMDA = "seluruh pemda"

# --- Kelola pegawai -------------------------------------------------------------------------
EMP_TAB_LIST = "Cari & ubah"
EMP_TAB_NEW = "Tambah pegawai"
EMP_TAB_IMPORT = "Impor dari SIMPEG"
EMP_TAB_DATA = "Data pegawai"
EMP_TAB_LOCATIONS = "Lokasi presensi"
EMP_TAB_FACE = "Wajah"
EMP_TAB_ACCOUNT = "Akun"
EMP_TAB_ROLES = "Peran"
EMP_TAB_MUTATION = "Mutasi"
EMP_SEARCH = "Cari nama atau NIP"
EMP_SEARCH_HINT = "mis. Sari atau 19870315"
EMP_INACTIVE_TOO = "Termasuk nonaktif"
EMP_NONE_FOUND = "Tidak ada pegawai yang cocok."
EMP_FOUND = "{total} pegawai cocok; {shown} pertama ditampilkan."
EMP_PICK = "Pegawai yang diubah"
EMP_FACE = "Wajah"
EMP_FIELDS = {"nip": "NIP", "name": "Nama lengkap", "jabatan": "Jabatan",
              "golongan": "Golongan/ruang", "employment_type": "Jenis pegawai",
              "unit_id": "Unit kerja", "supervisor_id": "Atasan langsung",
              "schedule_group_id": "Kelompok jadwal", "location_ids": "Lokasi presensi",
              "active": "Aktif"}
EMP_NIP_HELP = "18 digit NIP ASN, atau nomor induk untuk non-ASN."
EMP_LOCATIONS_HELP = "Yang pertama menjadi kantor utama (zona waktu dan geofence presensi)."
EMP_ACTIVE_HELP = ("Pegawai nonaktif tidak dapat masuk dan presensi; riwayatnya tetap tersimpan. "
                   "Untuk pindah OPD gunakan Mutasi.")
EMP_UNCHANGED = "Tidak ada yang diubah."
EMP_SAVED = "Data {name} disimpan."
EMP_CREATE = "Tambah pegawai"
EMP_CREATED = "Pegawai {name} ditambahkan."
EMP_PASSWORD_ONCE = ("Kata sandi sekali pakai di bawah ini hanya ditampilkan sekali. Serahkan "
                     "langsung kepada pegawai; ia wajib menggantinya saat pertama masuk.")
EMP_PRIMARY = "Kantor utama"
EMP_LOCATIONS_SAVED = "Lokasi presensi disimpan."
EMP_LOCKED = "Akun terkunci karena salah kata sandi berulang kali, sampai {until}."
EMP_NO_PASSWORD = "Akun belum punya kata sandi: reset untuk memberikan kata sandi sekali pakai."
EMP_ACCOUNT_LINE = ("Masuk terakhir {last} · kata sandi diganti {changed} · salah kata sandi "
                    "berturut-turut {failures}")
EMP_RESET = "Reset kata sandi"
EMP_RESET_HELP = "Kata sandi sekali pakai yang baru; semua sesi akun ini berakhir."
EMP_RESET_DONE = "Kata sandi {name} direset."
EMP_UNLOCK = "Buka kunci akun"
EMP_UNLOCKED = "Kunci akun {name} dibuka; kata sandinya tetap."
EMP_REVOKE = "Cabut"
EMP_ROLE_REVOKED = "Peran dicabut."
EMP_NO_ROLES = "Tidak ada peran tambahan (peran pegawai dan atasan mengikuti datanya)."
EMP_ROLE = "Peran baru"
EMP_ROLE_OPD = "Untuk OPD"
EMP_ROLE_HELP = "OPD hanya berlaku untuk operator dan kepala OPD; admin dan analis se-pemda."
EMP_GRANT = "Berikan peran"
EMP_ROLE_GRANTED = "Peran diberikan."
MUTATION_COLUMNS = {"valid_from": "Berlaku mulai", "opd": "OPD", "reason": "Dasar",
                    "status": "Status"}
MUTATION_APPLIED = "Berlaku"
MUTATION_WAITING = "Menunggu tanggalnya"
MUTATION_OPD = "OPD tujuan"
MUTATION_FROM = "Berlaku mulai"
MUTATION_SUPERVISOR = "Atasan langsung di tempat baru"
MUTATION_LOCATION = "Kantor di tempat baru"
MUTATION_KEEP_LOCATION = "(kantor utama OPD tujuan)"
MUTATION_REASON = "Dasar mutasi"
MUTATION_REASON_HELP = "Nomor dan tanggal SK, mis. SK Bupati 821/123/2026"
MUTATION_SAVE = "Catat mutasi"
MUTATION_SAVED = "Mutasi {name} ke {opd} mulai {day} dicatat."
MUTATION_NO_TARGET = "Tidak ada OPD lain untuk tujuan mutasi."
FACE_ENROLLED = "Wajah terdaftar dari {count} foto, {when} (model {model})."
FACE_NOT_YET = "Wajah pegawai ini belum terdaftar: ia belum dapat presensi."
FACE_PENDING = ("Pendaftaran ulang {when} menunggu persetujuan kepala OPD atau admin "
                "(Persetujuan); wajah lama tetap berlaku sampai diputuskan.")
FACE_PHOTOS = "Foto wajah (1–5, JPEG/PNG)"
FACE_PHOTOS_HELP = ("Wajah tegak menghadap kamera, terang, satu orang per foto, bukan foto dari "
                    "layar atau cetakan.")
FACE_PHOTO_OK = "Foto ini memenuhi syarat."
FACE_TOO_MANY = "Paling banyak {max} foto; yang lebih tidak dikirim."
FACE_OTHER = "Wajah ini sudah terdaftar sebagai {name} (NIP {nip})."
FACE_ENROL = "Daftarkan wajah"
FACE_REENROL = "Ajukan pendaftaran ulang"
FACE_DONE = "Wajah {name} terdaftar; ia sudah dapat presensi."
FACE_WAITING = ("Pendaftaran ulang diajukan; berlaku setelah disetujui kepala OPD atau admin "
                "(bukan Anda).")
IMPORT_CHECKING = "Memeriksa berkas…"
IMPORT_WRITING = "Menyimpan…"

# --- Ubah presensi ---------------------------------------------------------------------------
PAGE_PERUBAHAN = "Ubah presensi"
TAB_MANUAL = "Entri manual"
TAB_SHEET = "Lampiran I"
TAB_CORRECTION = "Koreksi"
TAB_ABSENCE = "Izin/cuti oleh operator"
TAB_CANCELLATION = "Pembatalan kehadiran"
YES = "Ya"
NO = "Tidak"
CHANGE_PICK_HINT = "Ketik nama atau NIP"
CHANGE_DATE = "Tanggal"
CHANGE_FROM = "Dari tanggal"
CHANGE_TO = "Sampai tanggal"
CHANGE_IN = "Jam datang"
CHANGE_OUT = "Jam pulang"
CHANGE_CODE_HINT = "atau pilih kode"
CHANGE_REMARKS = "Keterangan"
CHANGE_REASON = "Alasan koreksi"
CHANGE_ENTRY = "Isi"
CHANGE_STATUS = "Status"
CHANGE_EVIDENCE = "Berkas bukti (PDF/JPEG/PNG)"
CHANGE_DOCUMENT = "Dokumen pendukung (PDF/JPEG/PNG)"
CHANGE_RECENT = "Terbaru (bulan ini dan bulan lalu)"
CHANGE_COUNTED = "Dipakai dalam catatan hari itu."
CHANGE_NOT_COUNTED = "Tidak mengubah catatan hari itu."
CHANGE_MANUAL_SAVE = "Simpan entri manual"
CHANGE_MANUAL_DONE = "Entri manual {name}, {day}, disimpan. {notes}"
CHANGE_CORRECTION_SAVE = "Simpan koreksi"
CHANGE_CORRECTION_DONE = "Koreksi {name}, {day}, disimpan."
CHANGE_ABSENCE_SAVE = "Ajukan"
CHANGE_ABSENCE_DONE = ("Pengajuan {name} ({days} hari kerja) dikirim ke atasannya untuk "
                       "diputuskan.")
CANCEL_WITNESSES = "Dua saksi"
CANCEL_STATEMENT = "Pernyataan"
CANCEL_STATEMENT_HELP = ("Apa yang Anda dan para saksi ketahui: pegawai tidak berada di tempat "
                         "tugas pada hari itu walau tercatat hadir.")
CANCEL_NUMBER = "Nomor surat"
CANCEL_SAVE = "Ajukan pembatalan"
CANCEL_DONE = ("Pembatalan kehadiran {day} diajukan; kepala OPD memutuskan, lalu surat "
               "Lampiran III dapat diunduh di sini.")
CANCEL_NO_TEAM = "Anda tidak menjadi atasan langsung siapa pun."
CANCEL_LETTER = "Unduh Lampiran III: {name}, {day}"
SHEET_HELP = ("Unduh templat Lampiran I OPD untuk tanggalnya, isi jam atau kode, tanda tangani, "
              "lalu unggah berkasnya bersama pindaian lembar bertanda tangan. Pratinjau "
              "menunjukkan apa yang akan berubah per baris; belum ada yang disimpan.")
SHEET_TEMPLATE = "Unduh templat Lampiran I"
SHEET_FILE = "Lampiran I yang sudah diisi (xlsx)"
SHEET_SCAN = "Pindaian lembar bertanda tangan (PDF/JPEG/PNG)"
SHEET_PREVIEW = "Pratinjau perubahan"
SHEET_PREVIEWED = "Pratinjau siap: belum ada yang disimpan."
SHEET_SUMMARY = ("**{rows}** baris terisi · **{changing}** mengubah catatan hari · "
                 "**{counted}** dipakai")
SHEET_COLUMNS = {"row": "Baris", "name": "Nama", "entry": "Isi", "changed": "Mengubah",
                 "notes": "Keterangan"}
SHEET_IMPORT = "Impor {count} baris"
SHEET_DONE = "Lampiran I diimpor: {rows} baris."

# --- Pengaturan: schedules and locations ----------------------------------------------------
TIME_FIELDS = {"start": "Jam masuk", "end": "Jam pulang",
               "checkin_open": "Presensi datang dibuka", "checkin_close": "Presensi datang ditutup",
               "checkout_open": "Presensi pulang dibuka",
               "checkout_close": "Presensi pulang ditutup", "break_start": "Istirahat mulai",
               "break_end": "Istirahat selesai"}
PATTERN_EDIT = "Ubah jam kerja mingguan"
PATTERN_DAYS = "Hari yang diubah"
PATTERN_OFF = "Jadikan hari libur (bukan hari kerja)"
PATTERN_SAVE = "Simpan jam kerja"
PATTERN_SAVED = "Jam kerja {name} disimpan; hari kerja bulan berjalan dihitung ulang."
PERIOD_NEW = "Tambah periode khusus"
PERIOD_NAME = "Nama periode"
PERIOD_SAVE = "Simpan periode"
PERIOD_SAVED = "Periode {name} disimpan."
PERIOD_DELETED = "Periode dihapus; hari-harinya kembali ke jam mingguan."
SHIFT_NEW = "Tambah sif"
SHIFT_SAVE = "Simpan sif"
SHIFT_SAVED = "Sif {code} disimpan."
ROSTER = "Roster sif"
ROSTER_WEEK = "Minggu mulai"
ROSTER_NOBODY = "Belum ada pegawai dalam kelompok jadwal ini."
ROSTER_CELL = "Sif"
ROSTER_OFF = "libur"
ROSTER_SAVE = "Simpan {count} perubahan roster"
ROSTER_SAVED = "{count} perubahan roster disimpan."
LOCATION_EDIT = "Tambah atau ubah lokasi"
LOCATION_PICK = "Lokasi"
LOCATION_NEW = "(lokasi baru)"
LOCATION_SHARED = "Bersama (semua OPD)"
LOCATION_PREVIEW = "Geofence yang akan disimpan"
LOCATION_SAVED = "Lokasi {name} disimpan."
ZONE_NAMES = {"Asia/Jakarta": "WIB (Asia/Jakarta)", "Asia/Makassar": "WITA (Asia/Makassar)",
              "Asia/Jayapura": "WIT (Asia/Jayapura)"}

# --- Laporan gangguan -----------------------------------------------------------------------
PAGE_GANGGUAN = "Laporan gangguan"
PROBLEM_INTRO = ("Operator OPD melaporkan gangguan aplikasi presensi; admin BKD menindaklanjuti "
                 "dan menjawab di sini (Perbup Pasal 5–6).")
PROBLEM_NEW = "Laporkan gangguan"
PROBLEM_FIELDS = {"category": "Jenis gangguan", "title": "Judul singkat",
                  "description": "Uraian", "employee_id": "Pegawai yang terdampak (bila ada)",
                  "attachment": "Tangkapan layar atau foto (opsional)"}
PROBLEM_CATEGORIES = {"aplikasi": "Aplikasi presensi", "wajah": "Pengenalan wajah",
                      "lokasi": "Lokasi/GPS", "perangkat": "Ponsel/kios",
                      "server": "Server tidak dapat diakses", "lainnya": "Lainnya"}
PROBLEM_STATUSES = {"open": "Baru", "in_progress": "Ditangani", "resolved": "Selesai"}
PROBLEM_TITLE_HINT = "mis. Wajah pegawai tidak dikenali sejak pagi"
PROBLEM_DESCRIPTION_HELP = ("Apa yang terjadi, sejak kapan, siapa yang terdampak, pesan galat "
                            "yang muncul.")
PROBLEM_NOBODY = "(tidak ada pegawai tertentu)"
PROBLEM_SEND = "Kirim laporan"
PROBLEM_SENT = "Laporan terkirim ke admin BKD."
PROBLEM_ALL = "Semua"
PROBLEM_STATUS = "Status"
PROBLEM_NONE = "Belum ada laporan gangguan."
PROBLEM_COLUMNS = {"filed_at": "Dilaporkan", "title": "Judul", "category": "Jenis",
                   "status": "Status"}
PROBLEM_PICK = "Laporan"
PROBLEM_FILED = "Dilaporkan oleh {name}, {when}"
PROBLEM_AFFECTS = "Pegawai terdampak: {name} (NIP {nip})"
PROBLEM_ATTACHMENT = "Unduh lampiran"
PROBLEM_ANSWER = "Tindak lanjut admin ({name}): {answer}"
PROBLEM_RESPONSE = "Tindak lanjut / jawaban"
PROBLEM_FOLLOWED = "Tindak lanjut disimpan."
BOARD_REFRESH = "Muat ulang"
BOARD_REFRESH_HELP = "Papan diperbarui sendiri setiap menit; tombol ini mengambil yang terbaru."
