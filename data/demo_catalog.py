"""What a Jember-like regency looks like: OPDs, units, names, posts (demo data only)."""
from __future__ import annotations

PEMDA_CENTRE = (-8.1724, 113.7005)  # Alun-alun Jember

# (code, name, short name, schedule group, weight in the workforce)
OPDS = [
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "5HK", 2),
    ("SETDA", "Sekretariat Daerah", "Setda", "5HK", 5),
    ("DISPENDIK", "Dinas Pendidikan", "Dispendik", "5HK", 14),
    ("DINKES", "Dinas Kesehatan", "Dinkes", "5HK", 8),
    ("RSUD", "RSUD dr. Soebandi", "RSUD Soebandi", "RSUD", 10),
    ("DISPENDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "Dispendukcapil", "6HK", 3),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "6HK", 2),
    ("DPUBMSDA", "Dinas Pekerjaan Umum Bina Marga dan Sumber Daya Air", "PU Bina Marga", "5HK",
     5),
    ("DINSOS", "Dinas Sosial", "Dinsos", "5HK", 2),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "5HK", 2),
    ("BAPENDA", "Badan Pendapatan Daerah", "Bapenda", "5HK", 3),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP", "5HK", 3),
    ("DISHUB", "Dinas Perhubungan", "Dishub", "5HK", 3),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "Diskominfo", "5HK", 2),
    ("DLH", "Dinas Lingkungan Hidup", "DLH", "5HK", 3),
    ("DTPHP", "Dinas Tanaman Pangan, Hortikultura dan Perkebunan", "DTPHP", "5HK", 3),
    ("KEC-SUMBERSARI", "Kecamatan Sumbersari", "Kec. Sumbersari", "5HK", 1),
    ("KEC-PATRANG", "Kecamatan Patrang", "Kec. Patrang", "5HK", 1),
    ("KEC-KALIWATES", "Kecamatan Kaliwates", "Kec. Kaliwates", "5HK", 1),
    ("KEC-AMBULU", "Kecamatan Ambulu", "Kec. Ambulu", "5HK", 1),
]

UNITS = {
    "default": ["Sekretariat", "Bidang Perencanaan dan Program", "Bidang Pelayanan",
                "Bidang Pengendalian dan Evaluasi"],
    "RSUD": ["Bagian Tata Usaha", "Instalasi Gawat Darurat", "Instalasi Rawat Inap",
             "Instalasi Rawat Jalan"],
    "DISPENDIK": ["Sekretariat", "Bidang Pembinaan SD", "Bidang Pembinaan SMP",
                  "Bidang Guru dan Tenaga Kependidikan", "Bidang PAUD dan Pendidikan Nonformal"],
    "BKPSDM": ["Sekretariat", "Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi",
               "Bidang Penilaian Kinerja dan Disiplin"],
}

FIRST_MALE = ["Ahmad", "Budi", "Agus", "Eko", "Wahyu", "Hadi", "Rudi", "Bambang", "Slamet",
              "Sugeng", "Yusuf", "Rizky", "Abdul", "Hasan", "Joko", "Imam", "Khoirul", "Zainal",
              "Lutfi", "Moh.", "Arif", "Dedi", "Fajar", "Gunawan", "Heru", "Irfan", "Yoga",
              "Teguh", "Bayu", "Andi", "Taufik", "Syaiful", "Faisal", "Dimas", "Rahmat"]
FIRST_FEMALE = ["Siti", "Dewi", "Sri", "Nur", "Rina", "Yuli", "Lilik", "Endang", "Fitri",
                "Indah", "Anisa", "Fatimah", "Ika", "Dian", "Ratna", "Umi", "Nurul", "Wulan",
                "Eka", "Lia", "Maya", "Novi", "Putri", "Rahayu", "Sulastri", "Tutik", "Yanti",
                "Winarti", "Kartika", "Laila", "Mega", "Retno", "Susi", "Tri", "Evi"]
LAST = ["Santoso", "Wibowo", "Susanto", "Hidayat", "Rahmawati", "Setiawan", "Prasetyo",
        "Kurniawan", "Wahyuni", "Lestari", "Hartono", "Purnomo", "Firmansyah", "Maulana",
        "Saputra", "Handayani", "Kusuma", "Pratama", "Nugroho", "Sulistyo", "Fauzi", "Hasanah",
        "Mahmud", "Arifin", "Syaifuddin", "Anwar", "Rosyidi", "Hamzah", "Zakaria", "Ismail",
        "Suprapto", "Utomo", "Wijaya", "Yulianto", "Safitri", "Ningsih", "Rohmah", "Mustofa"]
DEGREES = ["", "", "", "S.E.", "S.H.", "S.Kom.", "S.Pd.", "S.Sos.", "S.AP.", "A.Md.", "S.T.",
           "M.Si.", "S.Kep., Ns.", "S.KM."]

GOLONGAN = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
STAFF_POSTS = ["Pengadministrasi Umum", "Pranata Komputer", "Analis Kebijakan",
               "Bendahara Pengeluaran", "Pengelola Keuangan", "Arsiparis",
               "Analis Sumber Daya Manusia Aparatur", "Penyusun Program dan Anggaran",
               "Pengemudi", "Pengelola Barang Milik Daerah"]
RSUD_POSTS = ["Perawat", "Perawat Ahli Pertama", "Bidan", "Dokter Umum", "Apoteker",
              "Pranata Laboratorium Kesehatan", "Radiografer", "Nutrisionis"]
EMPLOYMENT = [("PNS", 0.70), ("PPPK", 0.18), ("CPNS", 0.05), ("PTT-PK", 0.07)]

OUT_OF_OFFICE_NOTES = [
    "Dinas luar: rapat koordinasi di Kantor Bupati",
    "Monitoring lapangan ke Kecamatan Ambulu sesuai SPT",
    "WFH disetujui atasan, menyelesaikan laporan",
    "Pendampingan verifikasi data di desa",
    "Rapat di Pendopo Wahyawibawagraha",
]
