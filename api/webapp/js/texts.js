// Every text the employee reads, in Bahasa Indonesia. The API's own messages (error shape,
// check-in answers) come from the server and are shown as they are.

export const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
  "Agustus", "September", "Oktober", "November", "Desember"];
export const WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
export const ZONES = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT" };

export const T = {
  tabs: { home: "Beranda", calendar: "Kalender", request: "Ajukan", inbox: "Pesan",
    team: "Tim", more: "Lainnya" },
  login: {
    title: "Masuk", intro: "Masuk dengan NIP dan kata sandi Anda.", nip: "NIP / ID pegawai",
    password: "Kata sandi", submit: "Masuk", busy: "Memeriksa…",
    missing: "Isi NIP dan kata sandi.",
  },
  password: {
    title: "Ganti kata sandi",
    forced: "Ini masuk pertama Anda: kata sandi bawaan wajib diganti sebelum presensi.",
    old: "Kata sandi lama", fresh: "Kata sandi baru", again: "Ulangi kata sandi baru",
    hint: "Minimal 8 karakter, campuran huruf dan angka, tidak sama dengan NIP.",
    mismatch: "Kedua kata sandi baru tidak sama.", submit: "Simpan kata sandi baru",
    done: "Kata sandi diganti.",
  },
  home: {
    greeting: (name) => `Halo, ${name}`,
    workday: "Hari kerja", off: "Libur", holiday: (name) => `Libur: ${name}`,
    windowIn: (a, b) => `Presensi masuk ${a}–${b}`, windowOut: (a, b) => `pulang ${a}–${b}`,
    checkIn: "Presensi Masuk", checkOut: "Presensi Pulang", again: "Presensi Pulang lagi",
    other: (what) => `atau ${what.toLowerCase()}`,
    arrived: "Masuk", left: "Pulang", none: "—", late: (m) => `terlambat ${m} menit`,
    early: (m) => `${m} menit lebih awal`, pendingDay: "Ada presensi yang menunggu persetujuan.",
    today: "Hari ini", status: "Status", notYet: "Belum presensi", todayEvents: "Upaya presensi hari ini",
    noFace: "Wajah Anda belum didaftarkan. Minta operator OPD mendaftarkan wajah Anda.",
    laterLatest: "Presensi pulang terakhir yang berlaku.",
    offlineProfile: "Tanpa sinyal: data terakhir yang tersimpan di perangkat ditampilkan.",
  },
  report: {
    title: "Laporan Keberadaan", card: (name) => `Laporan keberadaan: ${name}`,
    explain: "Laporkan lokasi Anda dengan swafoto di dalam jendela (jam kantor Anda). " +
      "Laporan ini terpisah dari presensi kerja.",
    status: { reported: "Sudah lapor", excused: "Berizin", missed: "Terlewat",
      open: "Terbuka sekarang", upcoming: "Belum dibuka" },
    now: "Lapor keberadaan sekarang", send: "Kirim laporan", recorded: "Laporan tercatat",
    outside: "Di luar zona", history: "Riwayat laporan",
    at: (t) => `dilaporkan ${t}`, excuse: "Ajukan alasan tidak melapor",
  },
  excuse: {
    title: "Alasan tidak melapor", date: "Tanggal", window: "Jendela",
    wholeDay: "Sepanjang hari", submit: "Kirim alasan",
    done: "Alasan terkirim, menunggu keputusan atasan.",
  },
  outbox: {
    waiting: (n) => `${n} presensi menunggu dikirim`,
    explain: "Presensi ini diambil tanpa sinyal dan dikirim otomatis saat sinyal kembali. " +
      "Presensi tanpa sinyal selalu menunggu persetujuan atasan.",
    sendNow: "Kirim sekarang", sending: "Mengirim…", sent: "Presensi tertunda sudah dikirim.",
    captured: (t) => `Diambil ${t}`,
  },
  capture: {
    titleIn: "Presensi Masuk", titleOut: "Presensi Pulang",
    steps: ["Pegang ponsel setinggi wajah, wajah di dalam lingkaran.",
      "Pastikan cahaya cukup dan hanya wajah Anda yang terlihat."],
    shoot: "Ambil swafoto", retake: "Ulangi foto", send: "Kirim presensi", sending: "Mengirim…",
    cameraStarting: "Menyalakan kamera…",
    gpsWaiting: "Mencari lokasi GPS…",
    gpsFix: (m) => `Lokasi ditemukan, akurasi ±${m} m`,
    gpsPoor: (m) => `Akurasi GPS ±${m} m — terlalu lebar. Pindah ke tempat terbuka dan tunggu.`,
    needFix: "Tunggu sampai lokasi GPS ditemukan.",
    back: "Kembali ke beranda",
  },
  challenge: {
    preparing: "Menyiapkan…", follow: "Ikuti petunjuk pada gambar…",
    ready: { closer: "Pegang ponsel sejauh lengan, wajah di dalam lingkaran…",
      farther: "Dekatkan ponsel ke wajah sampai wajah memenuhi lingkaran…" },
    move: { closer: "Sekarang dekatkan ponsel perlahan ke wajah",
      farther: "Sekarang jauhkan ponsel perlahan sejauh lengan" },
  },
  camera: {
    NotAllowedError: ["Izin kamera ditolak.", "Buka pengaturan situs di peramban (ikon gembok " +
      "di sebelah alamat), izinkan Kamera, lalu muat ulang halaman ini."],
    NotFoundError: ["Kamera depan tidak ditemukan.", "Gunakan ponsel dengan kamera depan."],
    NotReadableError: ["Kamera sedang dipakai aplikasi lain.",
      "Tutup aplikasi lain yang memakai kamera, lalu coba lagi."],
    SecurityError: ["Kamera hanya bisa dipakai lewat alamat aman (https).",
      "Hubungi admin: aplikasi harus dibuka lewat https."],
    other: ["Kamera tidak dapat dinyalakan.", "Muat ulang halaman lalu coba lagi."],
    retry: "Coba nyalakan kamera lagi",
  },
  location: {
    1: ["Izin lokasi ditolak.", "Buka pengaturan situs di peramban, izinkan Lokasi, aktifkan " +
      "GPS ponsel, lalu muat ulang halaman ini."],
    2: ["Lokasi tidak tersedia.", "Aktifkan GPS (lokasi akurasi tinggi) di ponsel Anda."],
    3: ["GPS belum mendapat lokasi.", "Pindah ke tempat terbuka atau dekat jendela, lalu tunggu."],
    UNSUPPORTED: ["Peramban ini tidak mendukung lokasi.", "Gunakan Chrome atau Safari terbaru."],
  },
  result: {
    ACCEPTED: "Presensi diterima", PENDING: "Menunggu persetujuan", REJECTED: "Presensi ditolak",
    captured: (c, r) => `Diambil ${c} (jam perangkat), diterima server ${r}.`,
    fix: "Yang perlu dilakukan",
    purposeTitle: "Keperluan presensi di luar kantor",
    purposes: { WFH: "Bekerja dari rumah (WFH)",
      DINAS_LUAR: "Tugas kedinasan di luar kantor" },
    note: "Keterangan (tujuan, surat tugas)", notePlaceholder: "mis. Rapat di Kantor Kecamatan",
    needPurpose: "Pilih keperluan dan isi keterangan.",
    resend: "Kirim ulang foto yang sama", resendFix: "Kirim ulang dengan lokasi terbaru",
    newPhoto: "Ambil foto baru", queued: "Belum terkirim",
    queuedText: "Tidak ada koneksi ke server. Presensi disimpan di perangkat dan dikirim " +
      "otomatis saat sinyal kembali (menunggu persetujuan atasan).",
    serverDown: "Server pemeriksa wajah sedang tidak tersedia. Presensi disimpan dan dikirim " +
      "lagi otomatis; Anda juga dapat mencoba lagi sekarang.",
    tryNow: "Coba kirim lagi sekarang",
  },
  // what to do after a refusal, by machine code (the reason itself is the server's message)
  advice: {
    NOTE_REQUIRED: "Pilih keperluan dan isi keterangan di bawah, lalu kirim ulang foto yang sama.",
    LOW_ACCURACY: "Aktifkan GPS akurasi tinggi, pindah ke tempat terbuka, tunggu akurasinya " +
      "membaik, lalu kirim ulang.",
    MOCK_LOCATION: "Matikan aplikasi lokasi palsu (fake GPS) dan opsi pengembang.",
    NO_FACE: "Ambil foto baru dengan wajah terlihat penuh di dalam lingkaran.",
    MULTIPLE_FACES: "Ambil foto baru tanpa orang lain di belakang Anda.",
    FACE_TOO_SMALL: "Dekatkan ponsel ke wajah, lalu ambil foto baru.",
    FACE_BLURRY: "Tahan ponsel dengan stabil, lalu ambil foto baru.",
    FACE_TOO_DARK: "Cari tempat yang lebih terang, lalu ambil foto baru.",
    FACE_TOO_BRIGHT: "Hindari cahaya dari belakang atau langsung ke kamera.",
    SPOOF_SUSPECTED: "Ambil swafoto langsung dari wajah Anda, bukan dari foto atau layar.",
    FACE_MISMATCH: "Presensi hanya dengan wajah Anda sendiri. Bila wajah Anda berubah " +
      "(kacamata, jilbab, dll.), minta operator mendaftarkan ulang wajah Anda.",
    REPLAY_SUSPECTED: "Ambil swafoto baru; foto lama tidak dapat dipakai lagi.",
    FACE_OF_OTHER_EMPLOYEE: "Presensi hanya dengan wajah sendiri, dari ponsel sendiri. Titip " +
      "absen dicatat dan dilaporkan ke atasan.",
    FACE_NOT_ENROLLED: "Minta operator OPD mendaftarkan wajah Anda.",
    DEVICE_CHANGE_REQUESTED: "Permintaan ganti perangkat sudah dikirim ke admin BKD. Presensi " +
      "dari ponsel ini bisa dilakukan setelah disetujui.",
    DEVICE_PENDING: "Tunggu persetujuan admin BKD atas ponsel ini (menu Lainnya → Perangkat).",
    DEVICE_SHARED: "Ponsel ini terdaftar untuk pegawai lain. Gunakan ponsel Anda sendiri.",
    DEVICE_NOT_BOUND: "Ponsel ini bukan perangkat terdaftar Anda.",
    TOO_EARLY: "Tunggu sampai jendela presensi dibuka.",
    WINDOW_CLOSED: "Jendela presensi sudah tutup. Bila ada alasan sah, ajukan izin atau " +
      "hubungi operator OPD.",
    NOT_WORKDAY: "Hari ini bukan hari kerja Anda.",
    FACE_ENGINE_UNAVAILABLE: "Coba lagi beberapa saat lagi; foto Anda tersimpan.",
    OFFLINE_TOO_OLD: "Presensi ini terlalu lama tertunda. Hubungi operator OPD dengan bukti.",
    CLIENT_TIME_INVALID: "Periksa jam dan tanggal ponsel (atur otomatis), lalu ambil foto baru.",
    FACE_TOO_CLOSE: "Jauhkan ponsel dari wajah (sekitar satu lengan), lalu ambil foto baru.",
    CHALLENGE_NOT_FOLLOWED: "Ambil foto baru dan ikuti petunjuk di layar: gerakkan ponsel " +
      "perlahan selama pengambilan, wajah tetap di dalam lingkaran.",
    CHALLENGE_FACE_CHANGED: "Ambil foto baru dengan wajah Anda sendiri dari awal sampai akhir.",
    CHALLENGE_EXPIRED: "Ambil foto baru lalu segera kirim.",
    CHALLENGE_USED: "Ambil foto baru.",
    CHALLENGE_INVALID: "Ambil foto baru dari ponsel ini.",
    CHALLENGE_REQUIRED: "Muat ulang halaman, lalu ambil foto baru.",
  },
  pending: {
    OUTSIDE_GEOFENCE: "Di luar area kantor: menunggu persetujuan atasan langsung.",
    IMPOSSIBLE_JUMP: "Perpindahan lokasi tidak wajar sejak presensi terakhir: perlu verifikasi.",
    OFFLINE_CAPTURE: "Diambil tanpa sinyal: jam perangkat diverifikasi atasan.",
    SPOOF_REVIEW: "Keaslian wajah diperiksa atasan dari swafoto dan rangkaian fotonya.",
  },
  calendar: {
    title: "Kalender presensi", prev: "Bulan sebelumnya", next: "Bulan berikutnya",
    empty: "Belum ada catatan untuk bulan ini.", pick: "Ketuk tanggal untuk rinciannya.",
    checkIn: "Masuk", checkOut: "Pulang", late: "Terlambat", early: "Pulang awal",
    minutes: (m) => `${m} menit`, source: "Sumber",
    sources: { app: "Aplikasi", manual: "Manual (Lampiran I)", correction: "Koreksi operator",
      absence: "Pengajuan disetujui", cancellation: "Pembatalan", system: "Sistem" },
  },
  recap: {
    title: "Rekap bulanan saya", month: "Bulan",
    lateMinutes: "Terlambat datang (menit)", earlyMinutes: "Pulang sebelum waktu (menit)",
    tk: "Tidak hadir tanpa alasan sah (hari)", leave: "Cuti/Sakit/Dinas Luar/Diklat (hari)",
    izin: "Izin (hari)", workdays: "Hari kerja", present: "Hari hadir",
    attendance: "Persentase kehadiran", tpp: "Potongan TPP bulan ini",
    ytdTitle: "Disiplin sejak awal tahun (PP 94/2021)", ytdTk: "Hari TK (termasuk konversi menit)",
    level: "Tingkat", none: "Tidak ada hukuman disiplin", noRows: "Belum ada rekap bulan ini.",
  },
  absence: {
    title: "Ajukan ketidakhadiran", code: "Jenis", from: "Mulai tanggal", to: "Sampai tanggal",
    reason: "Alasan", document: "Dokumen pendukung (PDF atau foto)",
    photo: "Foto dokumen dengan kamera", file: "Pilih berkas",
    chosen: (name) => `Dokumen: ${name}`, noDocument: "Lampirkan dokumen pendukung.",
    submit: "Kirim pengajuan", done: "Pengajuan terkirim, menunggu persetujuan.",
    mine: "Pengajuan saya", none: "Belum ada pengajuan.", cancel: "Batalkan pengajuan",
    cancelReason: "Dibatalkan pegawai", statuses: { pending: "menunggu", approved: "disetujui",
      rejected: "ditolak", cancelled: "dibatalkan" },
  },
  inbox: {
    title: "Kotak masuk", none: "Belum ada keputusan atau perubahan atas data Anda.",
    by: (name) => `oleh ${name}`,
    statuses: { approved: "disetujui", rejected: "ditolak", revoked: "dicabut",
      cancelled: "dibatalkan", pending: "menunggu", info: "perubahan" },
  },
  team: {
    title: "Persetujuan tim", none: "Tidak ada yang menunggu keputusan Anda.",
    checkin: "Presensi", absence: "Pengajuan", where: "Jarak",
    distance: (m) => (m >= 1000 ? `${(m / 1000).toFixed(1).replace(".", ",")} km` : `${m} m`) +
      " dari kantor",
    note: "Keterangan", purpose: "Keperluan", approve: "Setujui", reject: "Tolak",
    reason: "Alasan penolakan (wajib)", needReason: "Tulis alasan penolakan.",
    approved: "Disetujui.", rejected: "Ditolak.", document: "Lihat dokumen",
    similarity: (s) => `kemiripan wajah ${s}`, captured: "Diambil (jam perangkat)",
    received: "Diterima server", days: (n) => `${n} hari kerja`,
  },
  enrol: {
    title: "Daftarkan wajah pegawai", search: "Cari pegawai (nama atau NIP)",
    explain: "Untuk operator OPD: ambil 1–3 foto wajah pegawai, dari depan, cahaya cukup. " +
      "Wajah sendiri didaftarkan oleh operator lain.",
    enrolled: "wajah terdaftar", missing: "belum ada wajah", choose: "Pilih",
    none: "Tidak ada pegawai yang cocok.", shoot: "Ambil foto", flip: "Ganti kamera",
    photos: (n) => `${n} foto diambil`, submit: "Daftarkan wajah", remove: "Hapus foto",
    done: (name, n) => `Wajah ${name} terdaftar dari ${n} foto.`, other: "Pilih pegawai lain",
    pending: (name) => `Pendaftaran ulang wajah ${name} menunggu persetujuan kepala OPD atau ` +
      "admin BKD; sampai disetujui, presensi tetap memakai wajah lama.",
    photoProblem: (n, text) => `Foto ${n}: ${text}`,
  },
  more: {
    title: "Lainnya", recap: "Rekap bulanan saya", device: "Perangkat", password: "Ganti kata sandi",
    enrol: "Daftarkan wajah pegawai",
    logout: "Keluar", install: "Pasang aplikasi: buka menu peramban lalu pilih \u201cTambahkan ke " +
      "Layar Utama\u201d.",
  },
  device: {
    title: "Perangkat", thisId: "ID perangkat ini",
    explain: "Presensi hanya dari ponsel yang terdaftar untuk Anda. Ganti ponsel? Ajukan dari " +
      "ponsel baru; admin BKD memutuskannya.",
    mine: "Perangkat terdaftar", none: "Belum ada perangkat terdaftar (presensi pertama " +
      "mendaftarkan ponsel ini).",
    note: "Alasan ganti perangkat", request: "Ajukan ganti ke ponsel ini",
    requested: "Permintaan ganti perangkat terkirim.",
    statuses: { active: "aktif", pending: "menunggu", rejected: "ditolak", revoked: "dicabut" },
  },
  error: {
    network: "Tidak ada koneksi ke server. Periksa sinyal atau data seluler.",
    server: (status) => `Server sedang bermasalah (kode ${status}). Coba lagi sebentar lagi.`,
    expired: "Sesi berakhir. Silakan masuk kembali.",
  },
};
