"""The expected profiles ("Profil yang Diharapkan") of the paper's Tables 4
(internal forms) and 5 (external forms), the form descriptions, and the SETIA values.

The paper gives one profile list per dimension row and side (internal / external),
not one per form, so every cell of a row and side starts with that row's list; BPSDM
may later give a cell its own profile. Wording is the paper's; only spelling slips
("keakrapan", "berjiawa", "Feed Back … test") and trailing punctuation are
normalised. The last item of row 6 in Table 5 is cut by a page break in the source
("… menjadi seorang"); it is completed as in rows 1, 4 and 5 of the same table.
"""

# Indonesian item → English, for every item used below.
PROFILE_ITEMS_EN = {
    # Table 4 (internal)
    "Kedekatan dan rasa memiliki dalam sebuah organisasi": (
        "Closeness and a sense of belonging in the organisation"
    ),
    "Aparatur yang berwawasan kebangsaan dan berjiwa melayani": (
        "Civil servants with a national outlook and a spirit of service"
    ),
    "Menjalin komunikasi yang baik antar ASN": (
        "Good communication among civil servants"
    ),
    "Membangun semangat kerja": "Stronger work morale",
    "Membina keakraban dan kekompakan dalam keberagaman": (
        "Friendship and team spirit within diversity"
    ),
    "Menyatukan visi dan persepsi": "A shared vision and understanding",
    "Pengetahuan dan/atau keterampilan baru yang dapat menghasilkan motivasi/ide "
    "baru": "New knowledge and/or skills that generate new motivation or ideas",
    "Membina keakraban dan kekompakan": "Friendship and team spirit",
    "Aparatur yang berjiwa melayani dan memiliki empati": (
        "Civil servants with a spirit of service and empathy"
    ),
    "Menjalin komunikasi yang baik antar Sumber Daya Manusia Aparatur": (
        "Good communication among the civil service workforce"
    ),
    "Peka terhadap disabilitas dan kelompok rentan lainnya": (
        "Sensitivity to disability and other vulnerable groups"
    ),
    # Table 5 (external)
    "PNS yang berwawasan kebangsaan dan memiliki jiwa melayani": (
        "Civil servants with a national outlook and a spirit of service"
    ),
    "Pemenuhan kompetensi sosiokultural sesuai tuntutan tugas dan fungsi bidang "
    "kerja": (
        "Sociocultural competence that meets the demands of the job's tasks and "
        "functions"
    ),
    "Pengetahuan baru yang dapat menghasilkan motivasi/ide baru untuk meningkatkan "
    "kinerja dan meningkatkan kualitas pelayanan": (
        "New knowledge that generates new motivation or ideas to improve performance "
        "and service quality"
    ),
    "Pengetahuan baru yang dapat menghasilkan motivasi/ide baru": (
        "New knowledge that generates new motivation or ideas"
    ),
    "Mengenali dan memahami karakteristik diri sendiri dan orang lain dan membangun "
    "hubungan kerja yang lebih efektif dan produktif": (
        "Knowing and understanding one's own and others' characteristics, and more "
        "effective and productive working relationships"
    ),
    "Meningkatkan keterampilan mendengarkan termasuk memahami informasi yang "
    "diberikan dan mencari solusi": (
        "Better listening skills, including understanding the information given and "
        "finding solutions"
    ),
    "Membangun keterampilan yang dibutuhkan untuk menjadi seorang komunikator yang "
    "berhasil": "The skills needed to become a successful communicator",
    "Penanganan konflik internal dan eksternal": (
        "Handling of internal and external conflict"
    ),
    "Aparatur yang memiliki empati sosial": "Civil servants with social empathy",
    "Gambaran kompetensi sosiokultural yang dimiliki oleh pegawai pada UP PTSP "
    "Kecamatan Kembangan": (
        "A picture of the sociocultural competence of the staff of UP PTSP "
        "Kecamatan Kembangan"
    ),
    "Feedback hasil tes kompetensi untuk pengembangan kompetensi pegawai": (
        "Feedback from competency test results for developing staff competence"
    ),
    "Pegawai lebih peduli dan tanggap dalam pelayanan bagi penyandang disabilitas": (
        "Staff who are more caring and responsive in serving persons with disabilities"
    ),
}

_BELONGING = "Kedekatan dan rasa memiliki dalam sebuah organisasi"
_NEW_SKILLS = (
    "Pengetahuan dan/atau keterampilan baru yang dapat menghasilkan motivasi/ide baru"
)
_MORALE = "Membangun semangat kerja"
_VISION = "Menyatukan visi dan persepsi"
_COMMUNICATION = "Menjalin komunikasi yang baik antar ASN"

# Table 4, "Profil yang Diharapkan" per dimension row.
INTERNAL_PROFILES: dict[str, list[str]] = {
    "keragaman-budaya": [
        _BELONGING,
        "Aparatur yang berwawasan kebangsaan dan berjiwa melayani",
        _COMMUNICATION,
        _MORALE,
        "Membina keakraban dan kekompakan dalam keberagaman",
        _VISION,
    ],
    "jejaring-sosial": [_BELONGING, _NEW_SKILLS, _COMMUNICATION, _MORALE, _VISION],
    "manajemen-konflik": [
        _BELONGING,
        _NEW_SKILLS,
        _COMMUNICATION,
        _MORALE,
        "Membina keakraban dan kekompakan",
        _VISION,
    ],
    "empati-sosial": [
        _BELONGING,
        "Aparatur yang berjiwa melayani dan memiliki empati",
        _NEW_SKILLS,
        _MORALE,
        _VISION,
    ],
    "kepekaan-gender": [
        _BELONGING,
        _NEW_SKILLS,
        "Menjalin komunikasi yang baik antar Sumber Daya Manusia Aparatur",
        _MORALE,
        "Membina keakraban dan kekompakan",
        _VISION,
    ],
    "kepekaan-disabilitas": [
        "Aparatur yang berwawasan kebangsaan dan berjiwa melayani",
        "Peka terhadap disabilitas dan kelompok rentan lainnya",
    ],
}

_PNS = "PNS yang berwawasan kebangsaan dan memiliki jiwa melayani"
_FULFILMENT = (
    "Pemenuhan kompetensi sosiokultural sesuai tuntutan tugas dan fungsi bidang kerja"
)
_NEW_KNOWLEDGE_FULL = (
    "Pengetahuan baru yang dapat menghasilkan motivasi/ide baru untuk meningkatkan "
    "kinerja dan meningkatkan kualitas pelayanan"
)
_NEW_KNOWLEDGE = "Pengetahuan baru yang dapat menghasilkan motivasi/ide baru"
_SELF_OTHERS = (
    "Mengenali dan memahami karakteristik diri sendiri dan orang lain dan membangun "
    "hubungan kerja yang lebih efektif dan produktif"
)
_LISTENING = (
    "Meningkatkan keterampilan mendengarkan termasuk memahami informasi yang "
    "diberikan dan mencari solusi"
)
_COMMUNICATOR = (
    "Membangun keterampilan yang dibutuhkan untuk menjadi seorang komunikator yang "
    "berhasil"
)
_FEEDBACK = "Feedback hasil tes kompetensi untuk pengembangan kompetensi pegawai"

# Table 5, "Profil yang Diharapkan" per dimension row.
EXTERNAL_PROFILES: dict[str, list[str]] = {
    "keragaman-budaya": [
        _PNS,
        _FULFILMENT,
        _NEW_KNOWLEDGE_FULL,
        _SELF_OTHERS,
        _LISTENING,
        _COMMUNICATOR,
    ],
    "jejaring-sosial": [_PNS, _FULFILMENT, _NEW_KNOWLEDGE, _SELF_OTHERS],
    "manajemen-konflik": [
        _PNS,
        "Penanganan konflik internal dan eksternal",
        _FULFILMENT,
        _NEW_KNOWLEDGE,
        _SELF_OTHERS,
    ],
    "empati-sosial": [
        _PNS,
        _FULFILMENT,
        _NEW_KNOWLEDGE_FULL,
        _SELF_OTHERS,
        _LISTENING,
        _COMMUNICATOR,
        "Aparatur yang memiliki empati sosial",
        "Gambaran kompetensi sosiokultural yang dimiliki oleh pegawai pada UP PTSP "
        "Kecamatan Kembangan",
        _FEEDBACK,
    ],
    "kepekaan-gender": [
        _PNS,
        _FULFILMENT,
        _SELF_OTHERS,
        _LISTENING,
        _COMMUNICATOR,
        _FEEDBACK,
    ],
    "kepekaan-disabilitas": [
        _PNS,
        "Pegawai lebih peduli dan tanggap dalam pelayanan bagi penyandang disabilitas",
        _FULFILMENT,
        _LISTENING,
        _COMMUNICATOR,
    ],
}


def profile_text(items: list[str]) -> tuple[str, str]:
    """(Indonesian, English) field values: one item per line."""
    return "\n".join(items), "\n".join(PROFILE_ITEMS_EN[item] for item in items)


# Form descriptions: the "Deskripsi" column of Tables 4 and 5, completed from the
# paper's section on each form (section 4.1).
FORM_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "pendekatan-personal": (
        "Strategi pendekatan individual dan personal: pimpinan berbicara empat mata "
        "dengan pegawai untuk mendalami karakternya, mendengarkan ide dan masukannya, "
        "dan menumbuhkan kesadaran pribadi untuk bekerja sesuai tuntutan organisasi. "
        "Catatannya bersifat pribadi.",
        "An individual, personal strategy: the head talks one to one with an "
        "employee to understand their character, hear their ideas and input, and "
        "build their own commitment to the organisation's demands. Its notes are "
        "private.",
    ),
    "coaching": (
        "Proses pembangunan diri yang sangat unik, di mana coachee membangun "
        "orientasi pada masa depan dan diberdayakan untuk menciptakan sendiri "
        "solusi-solusinya (Pergub DKI 110/2017). Dilakukan antara lain untuk setiap "
        "CRO yang baru ditempatkan.",
        "A highly individual process of self-development in which the coachee builds "
        "an orientation to the future and is empowered to create their own solutions "
        "(DKI Governor Regulation 110/2017). Given among others to every newly placed "
        "CRO.",
    ),
    "briefing": (
        "Komunikasi tatap muka yang paling efektif dan cepat untuk menjalankan tugas "
        "sehari-hari: sekitar 10 menit sebelum layanan dibuka, membahas kendala "
        "pelayanan, perubahan aturan dan evaluasi pengaduan, ditutup dengan salam "
        "SETIA.",
        "The quickest and most effective face-to-face communication for daily work: "
        "about 10 minutes before the service opens, covering service problems, rule "
        "changes and the review of complaints, closing with the SETIA greeting.",
    ),
    "gathering": (
        "Kegiatan kumpul bersama dalam suasana yang menyenangkan dengan permainan "
        "(outbound, paintball, rafting dan sebagainya) untuk membangun keakraban, "
        "kebersamaan dan kerja sama tim.",
        "A get-together in a pleasant setting with games (outbound, paintball, "
        "rafting and the like) to build friendship, togetherness and teamwork.",
    ),
    "benchmarking": (
        "Patok banding: mengukur dan membandingkan kinerja dengan kegiatan serupa di "
        "unit atau organisasi lain yang sejenis, baik internal maupun eksternal, "
        "untuk mengadopsi praktik terbaik.",
        "Measuring and comparing performance with similar activities in another unit "
        "or organisation of the same kind, inside or outside, to adopt best "
        "practice.",
    ),
    "pengembangan-diri": (
        "Belajar mandiri (self development): pegawai mempelajari sendiri kasus-kasus "
        "pelayanan, prosedur dan dasar hukum setiap jenis layanan, misalnya melalui "
        "situs internal pelayanan.",
        "Self-directed learning: the employee studies service cases, procedures and "
        "the legal basis of each service on their own, for example on the internal "
        "service website.",
    ),
    "orientasi-pelayanan": (
        "Kegiatan untuk membangun pengetahuan tentang lingkup kerja dan wawasan "
        "sehingga menjadi ASN yang produktif dan memiliki jiwa melayani: calon ASN "
        "lebih dahulu melayani masyarakat secara langsung di UPPTSP kecamatan dan "
        "kelurahan.",
        "Builds knowledge of the scope of work and a broader outlook so that new "
        "civil servants become productive and service-minded: candidates first "
        "serve the public directly at district and village one-stop units.",
    ),
    "e-learning": (
        "Pengembangan kompetensi dalam bentuk pelatihan yang mengoptimalkan teknologi "
        "informasi dan komunikasi, misalnya e-learning PTSP tentang etika pelayanan, "
        "cara berkomunikasi, menyapa dan menjelaskan pelayanan kepada masyarakat.",
        "Training that makes full use of information and communication technology, "
        "for example the one-stop service e-learning on service ethics and on how "
        "to communicate with, greet and explain services to the public.",
    ),
    "diklat-komunikasi": (
        "Pendidikan dan pelatihan tentang tata cara berkomunikasi yang efektif, "
        "efisien dan menarik sehingga pesan yang disampaikan mudah dipahami.",
        "Training in communicating effectively, efficiently and engagingly so that "
        "messages are easy to understand.",
    ),
    "pertukaran-pns-swasta": (
        "Pelatihan di luar tempat kerja melalui pertukaran antara PNS dan pegawai "
        "swasta untuk mempelajari budaya organisasi dan metode kerja baru; paling "
        "lama satu tahun, dikoordinasikan LAN dan BKN (PP 11/2017).",
        "Off-the-job learning through an exchange between a civil servant and a "
        "private-sector employee to learn new organisational cultures and working "
        "methods; at most one year, coordinated by LAN and BKN (GR 11/2017).",
    ),
    "uji-kompetensi": (
        "Uji kompetensi yang di dalamnya ada tes kepribadian untuk mengetahui "
        "kompetensi sosiokultural setiap ASN; umpan baliknya disampaikan kepada "
        "pegawai dan unitnya untuk menentukan pengembangan yang dibutuhkan.",
        "A competency test including a personality test to find out each civil "
        "servant's sociocultural competence; the feedback goes to the employee and "
        "their unit to decide what development is needed.",
    ),
    "diklat-disabilitas": (
        "Pendidikan dan pelatihan tentang pemahaman umum disabilitas, layanan "
        "sepenuh hati sesuai standar, serta komunikasi dan perilaku; bekerja sama "
        "dengan YPAC, HWD dan IAI.",
        "Training in a general understanding of disability, wholehearted service to "
        "standard, and communication and conduct; run with YPAC, HWD and IAI.",
    ),
}
