"""Texts of the demo history (see ``activities.demo``): realistic agenda summaries,
events, study topics and personal-approach notes of a PTSP unit."""

BRIEFING_SUMMARIES = {
    "rule_change": [
        "Perubahan persyaratan NIB melalui OSS RBA untuk usaha mikro.",
        "Syarat zonasi untuk surat keterangan domisili usaha tidak lagi diminta.",
        "Pembaruan SOP pelayanan izin reklame: berkas kini diunggah pemohon.",
        "Tarif retribusi PBG terbaru dan cara menjelaskannya kepada pemohon.",
    ],
    "complaint_evaluation": [
        "Pengaduan antrean panjang hari Senin: CRO membantu memilah berkas di depan.",
        "Keluhan pemohon lansia soal formulir daring; petugas mendampingi pengisian.",
        "Pengaduan di media sosial tentang jawaban petugas yang kurang ramah.",
        "Evaluasi kolom pengaduan minggu ini: informasi persyaratan belum jelas.",
    ],
    "setia_motivation": [
        "Salam SETIA PTSP: Solusi, Empati, Tegas, Inovasi, Andal.",
        "Dendang SETIA dan target layanan tanpa keluhan pekan ini.",
    ],
    "other": [
        "Pembagian tugas loket selama petugas cuti.",
        "Persiapan kunjungan pemohon penyandang disabilitas: jalur kursi roda.",
        "Koordinasi layanan jemput bola di kantor kelurahan.",
    ],
}
AGENDA_WEIGHTS = [
    ("complaint_evaluation", 35),
    ("rule_change", 25),
    ("setia_motivation", 20),
    ("other", 20),
]

GATHERINGS = [
    # days ago, minutes, event, kinds, location
    (
        330,
        240,
        "Family gathering akhir tahun UPPTSP Kecamatan Kembangan",
        ["games", "meal"],
        "Taman Kota Kembangan",
    ),
    (
        235,
        180,
        "Halalbihalal keluarga besar PTSP Kembangan",
        ["meal", "discussion"],
        "Aula Kantor Kecamatan Kembangan",
    ),
    (
        150,
        420,
        "Outbound kebersamaan dan kekompakan tim pelayanan",
        ["outbound", "games", "sport"],
        "Bumi perkemahan Cibubur",
    ),
]

SELF_STUDY = [
    # study kind, topic, source, minutes, dimension codes
    (
        "service_cases",
        "Kasus pelayanan: penolakan PBG karena zonasi",
        "www.internalpelayanan.jakarta.go.id",
        60,
        ["manajemen-konflik", "empati-sosial"],
    ),
    (
        "procedures",
        "Prosedur dan dasar hukum surat keterangan domisili usaha",
        "www.internalpelayanan.jakarta.go.id",
        90,
        [],
    ),
    (
        "course",
        "Kursus daring bahasa isyarat dasar (BISINDO)",
        "Kelas daring komunitas Tuli Jakarta",
        120,
        ["kepekaan-disabilitas"],
    ),
    (
        "service_cases",
        "Kasus pelayanan: pemohon lansia dan berkas perwalian",
        "www.internalpelayanan.jakarta.go.id",
        45,
        ["empati-sosial", "kepekaan-gender"],
    ),
]

PERSONAL_NOTES = [
    "Sedang merawat orang tua yang sakit; disepakati jadwal loket pagi selama sebulan.",
    "Merasa kurang dilibatkan dalam keputusan pembagian layanan; diajak menyusun "
    "jadwal CRO berikutnya.",
    "Mengalami konflik dengan rekan di loket; sepakat mediasi bersama kepala "
    "subbagian.",
    "Ingin belajar layanan perizinan berusaha; direncanakan magang di loket PB-UMKU.",
    "Kesulitan menghadapi pemohon yang marah; diberi pendampingan dan contoh kalimat.",
]
