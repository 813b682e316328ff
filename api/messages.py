"""Every message a user reads from the API, in Bahasa Indonesia, keyed by machine code."""
from __future__ import annotations

MESSAGES: dict[str, str] = {
    # generic
    "VALIDATION_ERROR": "Data yang dikirim tidak valid.",
    "BAD_REQUEST": "Permintaan tidak dapat diproses.",
    "NOT_FOUND": "Data tidak ditemukan.",
    "METHOD_NOT_ALLOWED": "Metode tidak diizinkan untuk alamat ini.",
    "CONFLICT": "Data bertentangan dengan data yang sudah ada.",
    "PAYLOAD_TOO_LARGE": "Berkas atau permintaan terlalu besar.",
    "UNSUPPORTED_MEDIA": "Jenis berkas tidak didukung.",
    "RATE_LIMITED": "Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.",
    "INTERNAL_ERROR": "Terjadi kesalahan pada server. Silakan coba lagi.",
    "SERVICE_UNAVAILABLE": "Layanan sedang tidak tersedia. Silakan coba lagi.",
    # auth
    "AUTH_REQUIRED": "Silakan masuk terlebih dahulu.",
    "TOKEN_EXPIRED": "Sesi Anda telah berakhir. Silakan masuk kembali.",
    "TOKEN_INVALID": "Token tidak valid. Silakan masuk kembali.",
    "TOKEN_REVOKED": "Sesi ini sudah keluar. Silakan masuk kembali.",
    "INVALID_CREDENTIALS": "NIP atau kata sandi salah.",
    "ACCOUNT_LOCKED": "Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal.",
    "ACCOUNT_INACTIVE": "Akun Anda tidak aktif. Hubungi operator OPD.",
    "PASSWORD_CHANGE_REQUIRED": "Anda wajib mengganti kata sandi bawaan sebelum melanjutkan.",
    "PASSWORD_WEAK": "Kata sandi baru terlalu lemah.",
    "PASSWORD_WRONG": "Kata sandi lama salah.",
    "PASSWORD_REUSED": "Kata sandi baru tidak boleh sama dengan kata sandi lama.",
    "FORBIDDEN": "Anda tidak berwenang melakukan tindakan ini.",
    "OUT_OF_SCOPE": "Data ini di luar lingkup kewenangan Anda.",
    # organisation
    "INVALID_NIP": "NIP tidak valid.",
    "INVALID_EMPLOYEE_ID": "Nomor induk pegawai tidak valid.",
    "DUPLICATE_NIP": "NIP sudah terdaftar.",
    "DUPLICATE_CODE": "Kode sudah dipakai.",
    "INVALID_REFERENCE": "Data rujukan tidak ditemukan.",
    "SUPERVISOR_CYCLE": "Atasan langsung tidak boleh membentuk rantai melingkar.",
    "UNIT_CYCLE": "Unit induk tidak boleh membentuk rantai melingkar.",
    "INVALID_TIMEZONE": "Zona waktu tidak dikenal.",
    # schedules
    "INVALID_SCHEDULE": "Jadwal tidak valid.",
    # devices
    "DEVICE_ID_REQUIRED": "ID perangkat wajib dikirim.",
    "DEVICE_NOT_BOUND": "Perangkat ini belum terdaftar untuk akun Anda.",
    "DEVICE_CHANGE_REQUESTED": (
        "Perangkat ini belum terdaftar untuk akun Anda. Permintaan ganti perangkat telah "
        "dikirim dan menunggu persetujuan admin BKD."
    ),
    "DEVICE_PENDING": "Permintaan ganti perangkat Anda masih menunggu persetujuan admin BKD.",
    "DEVICE_SHARED": "Perangkat ini sudah terdaftar untuk pegawai lain.",
    "DEVICE_BLOCKED": "Perangkat ini diblokir. Hubungi admin BKD.",
    "DEVICE_REQUEST_EXISTS": "Masih ada permintaan ganti perangkat yang menunggu persetujuan.",
    "DEVICE_ALREADY_BOUND": "Perangkat ini sudah terdaftar untuk akun Anda.",
    # face
    "FACE_NOT_ENROLLED": "Wajah Anda belum didaftarkan. Hubungi operator OPD.",
    "FACE_ENGINE_UNAVAILABLE": (
        "Pemeriksaan wajah sedang tidak tersedia, presensi tidak dapat diproses. "
        "Silakan coba lagi nanti."
    ),
    "NO_FACE": "Wajah tidak terdeteksi. Pastikan wajah terlihat jelas di kamera.",
    "MULTIPLE_FACES": "Terdeteksi lebih dari satu wajah. Pastikan hanya wajah Anda di kamera.",
    "FACE_TOO_SMALL": "Wajah terlalu kecil. Dekatkan kamera ke wajah Anda.",
    "FACE_BLURRY": "Foto buram. Tahan kamera dengan stabil.",
    "FACE_TOO_DARK": "Foto terlalu gelap. Cari tempat yang lebih terang.",
    "FACE_TOO_BRIGHT": "Foto terlalu terang. Hindari cahaya langsung ke kamera.",
    "SPOOF_SUSPECTED": "Foto terindikasi bukan wajah langsung (foto dari foto/layar).",
    "FACE_MISMATCH": "Wajah tidak cocok dengan data wajah terdaftar.",
    "REPLAY_SUSPECTED": "Foto ini sama dengan foto presensi sebelumnya. Ambil swafoto baru.",
    "IMAGE_EMPTY": "Berkas foto kosong.",
    "IMAGE_UNREADABLE": "Berkas foto tidak dapat dibaca.",
    "IMAGE_TOO_LARGE": "Ukuran foto terlalu besar.",
    "IMAGE_UNSUPPORTED": "Format foto tidak didukung. Gunakan JPEG atau PNG.",
    "ENROLL_FAILED": "Pendaftaran wajah gagal: ada foto yang tidak memenuhi syarat.",
    "ENROLL_REJECTED": "Pendaftaran wajah gagal: ada foto yang tidak memenuhi syarat "
                       "(lihat rincian per foto).",
    "ENROLL_INCONSISTENT": "Pendaftaran wajah gagal: foto-foto tidak menunjukkan orang yang sama.",
    "TEMPLATE_MISMATCH": "Data wajah perlu didaftarkan ulang karena versi model berubah. "
                         "Hubungi operator OPD.",
    "ENROLL_PHOTO_COUNT": "Unggah 1 sampai 5 foto wajah.",
    # check-in
    "IDEMPOTENCY_KEY_REQUIRED": "Header Idempotency-Key wajib dikirim.",
    "NOT_WORKDAY": "Hari ini bukan hari kerja Anda.",
    "TOO_EARLY": "Belum waktunya presensi.",
    "WINDOW_CLOSED": "Waktu presensi sudah berakhir.",
    "NO_LOCATION": "Anda belum memiliki lokasi presensi. Hubungi operator OPD.",
    "MOCK_LOCATION": "Terdeteksi lokasi palsu (fake GPS). Presensi ditolak.",
    "LOW_ACCURACY": "Akurasi GPS terlalu rendah. Aktifkan GPS akurasi tinggi lalu coba lagi.",
    "IMPOSSIBLE_JUMP": "Perpindahan lokasi tidak wajar sejak presensi terakhir; perlu verifikasi.",
    "OUTSIDE_GEOFENCE": "Anda berada di luar area kantor; presensi menunggu persetujuan atasan.",
    "NOTE_REQUIRED": "Anda berada di luar area kantor: isi keterangan (WFH/dinas luar).",
    "ALREADY_CHECKED_IN": "Anda sudah presensi masuk hari ini; presensi masuk pertama yang "
                          "dihitung.",
    "ACCEPTED": "Presensi berhasil dicatat.",
    "PENDING": "Presensi dicatat dan menunggu persetujuan atasan langsung.",
    "REJECTED": "Presensi ditolak.",
    "NOT_PENDING": "Presensi ini tidak sedang menunggu persetujuan.",
    "REASON_REQUIRED": "Alasan penolakan wajib diisi.",
    "MONTH_CLOSED": "Bulan ini sudah ditutup; data tidak dapat diubah.",
}


def message(code: str) -> str:
    return MESSAGES.get(code, MESSAGES["BAD_REQUEST"])
