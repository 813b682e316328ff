"""Every message a user reads from the API, in Bahasa Indonesia, keyed by machine code."""
from __future__ import annotations

MESSAGES: dict[str, str] = {
    # generic
    "VALIDATION_ERROR": "Data yang dikirim tidak valid.",
    "BAD_REQUEST": "Permintaan tidak dapat diproses.",
    "INVALID_JSON": "Isi permintaan bukan JSON yang valid.",
    "IMPORT_INVALID": "Ada baris yang salah; tidak ada data yang disimpan.",
    # presence-reporting campaigns (issue 11)
    "CAMPAIGN_INVALID": "Kampanye tidak valid; periksa isian yang ditandai.",
    "CAMPAIGN_STARTED": "Kampanye sudah dimulai dan tidak dapat diubah atau dihapus lagi.",
    "CAMPAIGN_NOT_TARGETED": "Anda tidak termasuk sasaran kampanye laporan ini.",
    "REPORT_OUTSIDE_WINDOW": ("Di luar jendela laporan. Laporan hanya diterima pada jam "
                              "jendela kampanye (jam kantor Anda)."),
    "REPORT_REFUSED": "Laporan keberadaan ditolak.",
    "REPORT_RECORDED": "Laporan keberadaan pukul {time} {zone} tercatat.",
    "REPORT_ALREADY_SENT": ("Jendela ini sudah Anda laporkan pukul {time} {zone}; laporan "
                            "pertama yang berlaku."),
    "REPORT_OUTSIDE_ZONE": "Lokasi Anda di luar zona kampanye dan ditandai untuk pemeriksaan.",
    "NOT_FOUND": "Data tidak ditemukan.",
    "METHOD_NOT_ALLOWED": "Metode tidak diizinkan untuk alamat ini.",
    "CONFLICT": "Data bertentangan dengan data yang sudah ada.",
    "PAYLOAD_TOO_LARGE": "Berkas atau permintaan terlalu besar.",
    "UNSUPPORTED_MEDIA": "Jenis berkas tidak didukung.",
    "RATE_LIMITED": "Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.",
    "INTERNAL_ERROR": "Terjadi kesalahan pada server. Silakan coba lagi.",
    "DATABASE_UNAVAILABLE": ("Basis data server sedang tidak dapat dihubungi; tidak ada yang "
                             "tersimpan. Coba lagi beberapa saat lagi."),
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
    "EVIDENCE_RESTRICTED": ("Berkas bukti (swafoto, dokumen) hanya untuk pegawai yang bersangkutan "
                            "dan yang memutuskannya; analis melihat data agregat."),
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
    "STORAGE_UNAVAILABLE": ("Penyimpanan berkas di server sedang bermasalah; data Anda belum "
                            "tersimpan. Coba lagi beberapa saat lagi."),
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
    "SPOOF_REVIEW": ("Keaslian wajah belum meyakinkan; swafoto diperiksa atasan sebelum "
                     "presensi dihitung."),
    "FACE_TOO_CLOSE": ("Wajah terlalu dekat dengan kamera. Jauhkan ponsel dari wajah "
                       "(sekitar satu lengan) lalu ulangi."),
    "CHALLENGE_REQUIRED": ("Presensi dari aplikasi web memerlukan tantangan keaslian wajah. "
                           "Muat ulang halaman lalu ulangi."),
    "CHALLENGE_INVALID": "Tantangan keaslian wajah tidak dikenal untuk akun dan perangkat ini.",
    "CHALLENGE_EXPIRED": "Waktu tantangan keaslian wajah habis. Ulangi pengambilan foto.",
    "CHALLENGE_USED": "Tantangan keaslian wajah ini sudah dipakai. Ulangi pengambilan foto.",
    "CHALLENGE_FRAMES": "Rangkaian foto tantangan harus berisi 1 sampai 3 foto.",
    "CHALLENGE_NOT_FOLLOWED": ("Gerakan tidak sesuai petunjuk. Ikuti petunjuk di layar: "
                               "gerakkan ponsel perlahan ke arah yang diminta, wajah tetap "
                               "terlihat penuh."),
    "CHALLENGE_FACE_CHANGED": ("Wajah berganti selama rangkaian foto. Presensi hanya dengan "
                               "wajah sendiri, dari awal sampai akhir."),
    "FACE_MISMATCH": "Wajah tidak cocok dengan data wajah terdaftar.",
    "FACE_OF_OTHER_EMPLOYEE": ("Wajah pada swafoto ini adalah wajah pegawai lain yang terdaftar. "
                               "Presensi hanya dengan wajah sendiri; kejadian ini dicatat."),
    "ENROLL_FACE_OF_OTHER_EMPLOYEE": ("Wajah pada foto ini sudah terdaftar untuk pegawai lain; "
                                      "satu wajah hanya untuk satu akun."),
    "FACE_REQUEST_EXISTS": ("Masih ada pendaftaran ulang wajah pegawai ini yang menunggu "
                            "persetujuan."),
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
    "NOTE_REQUIRED": ("Anda berada di luar area kantor: pilih keperluan (WFH atau tugas "
                      "kedinasan di luar kantor) dan isi keterangan."),
    "OFFLINE_CAPTURE": ("Foto diambil saat tanpa sinyal; jam pada perangkat diverifikasi atasan "
                        "sebelum dihitung."),
    "CLIENT_TIME_REQUIRED": "Presensi tanpa sinyal harus membawa waktu pengambilan foto.",
    "CLIENT_TIME_INVALID": "Waktu pengambilan foto di perangkat tidak masuk akal (di masa depan).",
    "OFFLINE_TOO_OLD": "Presensi tanpa sinyal ini terlalu lama tertunda untuk dikirim.",
    "ALREADY_CHECKED_IN": "Anda sudah presensi masuk hari ini; presensi masuk pertama yang "
                          "dihitung.",
    "ACCEPTED": "Presensi berhasil dicatat.",
    "PENDING": "Presensi dicatat dan menunggu persetujuan atasan langsung.",
    "REJECTED": "Presensi ditolak.",
    "NOT_PENDING": "Presensi ini tidak sedang menunggu persetujuan.",
    "REASON_REQUIRED": "Alasan penolakan wajib diisi.",
    "MONTH_CLOSED": "Bulan ini sudah ditutup; data tidak dapat diubah.",
    # absences, manual attendance, corrections, cancellations, month closing, approvals
    # (issue 4); texts with {placeholders} are filled in by the service
    "ABSENCE_OVERLAP": ("Tanggal bertumpang tindih dengan pengajuan {code} tanggal {dates} "
                        "(status: {status}). Batalkan atau ubah pengajuan tersebut lebih dulu."),
    "NO_WORKDAY": "Rentang tanggal tidak mencakup satu pun hari kerja pegawai.",
    "DATE_NOT_WORKDAY": "Tanggal tersebut bukan hari kerja pegawai.",
    "FUTURE_DATE": "Tanggal tersebut belum terjadi.",
    "OUTSIDE_CURRENT_MONTH": ("Data hanya dapat diajukan/diubah untuk bulan berjalan, kecuali "
                              "bulan tersebut dibuka kembali oleh admin BKD."),
    "MONTH_CLOSED_FOR": "Bulan {month} untuk {opd} sudah ditutup; data tidak dapat diubah.",
    "REQUEST_NOT_PENDING": "Pengajuan ini sudah diputuskan atau dibatalkan.",
    "SELF_DECISION": ("Anda tidak dapat memutuskan atau mengubah data kehadiran atau akun "
                      "Anda sendiri."),
    "FOUR_EYES_REQUIRED": ("Empat mata: yang mengajukan, mencatat atau mendaftarkan tidak "
                           "boleh memutuskannya sendiri."),
    "ADMIN_ONLY_ACCOUNT": ("Akun yang memegang peran kepala OPD, operator, admin atau analis "
                           "hanya dapat dikelola admin BKD."),
    "NOT_APPROVER": "Anda bukan atasan langsung, kepala OPD, atau operator OPD pegawai ini.",
    "MANUAL_EXISTS": ("Sudah ada entri presensi manual untuk pegawai ini pada tanggal tersebut; "
                      "gunakan koreksi untuk mengubahnya."),
    "SHEET_INVALID": ("Lembar presensi berisi kesalahan pada {count} baris; tidak ada data yang "
                      "diimpor. Perbaiki baris yang disebutkan lalu unggah ulang."),
    "SHEET_UNREADABLE": "Berkas xlsx tidak dapat dibaca. Gunakan templat dari aplikasi.",
    "SHEET_MISMATCH": "Lembar ini dibuat untuk {what} lain; unduh templat yang sesuai.",
    "SHEET_EMPTY": "Lembar presensi tidak berisi satu baris pun yang terisi jam atau kode.",
    "DAY_CANCELLED": ("Kehadiran pegawai pada tanggal ini sudah dibatalkan (Pasal 13); data hari "
                      "itu tidak dapat dikoreksi."),
    "NOT_DIRECT_SUPERVISOR": "Pembatalan kehadiran hanya dapat diajukan oleh atasan langsung.",
    "NOT_RECORDED_PRESENT": ("Pegawai tidak tercatat hadir pada tanggal tersebut; pembatalan "
                             "kehadiran tidak diperlukan."),
    "WITNESS_INVALID": ("Saksi harus dua pegawai aktif yang berbeda, bukan pegawai yang "
                        "bersangkutan dan bukan atasan langsungnya."),
    "CANCELLATION_EXISTS": ("Sudah ada pembatalan kehadiran untuk pegawai ini pada tanggal "
                            "tersebut."),
    "NOT_HEAD_OF_OPD": "Pembatalan kehadiran disetujui oleh kepala OPD pegawai.",
    "LETTER_NOT_READY": "Surat keterangan belum tersedia: pembatalan belum disetujui.",
    "MONTH_NOT_ENDED": "Bulan {month} baru dapat ditutup mulai tanggal {first_day}.",
    "MONTH_HAS_PENDING": ("Bulan {month} belum dapat ditutup: masih ada pengajuan yang menunggu "
                          "keputusan."),
    "MONTH_ALREADY_CLOSED": "Bulan ini sudah ditutup.",
    "MONTH_NOT_CLOSED": "Bulan ini tidak sedang ditutup.",
    "UNKNOWN_APPROVAL_KIND": "Jenis persetujuan tidak dikenal.",
    # recaps, discipline, analytics and rule parameters (issue 5)
    "RULE_INVALID": "Parameter aturan tidak valid.",
    "RULE_VERSION_EXISTS": ("Sudah ada versi aturan yang berlaku mulai tanggal tersebut; pilih "
                            "tanggal lain."),
}


def message(code: str) -> str:
    return MESSAGES.get(code, MESSAGES["BAD_REQUEST"])
