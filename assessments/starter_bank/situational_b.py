"""Situational items, dimensions 4–6 (empati sosial, kepekaan gender, kepekaan
disabilitas). Same shape as ``situational_a``."""

SITUATIONAL_B = [
    # -- 4 Empati sosial -------------------------------------------------------------
    (
        "sjt-es-01",
        "empati-sosial",
        "Seorang pemohon berusia 70 tahun datang untuk mengurus izin usaha warung. "
        "Ia mengatakan tidak bisa memakai aplikasi daring dan tidak punya surel.",
        "A 70-year-old applicant comes to license her food stall. She says she "
        "cannot use the online application and has no e-mail address.",
        [
            (
                "Memberitahunya bahwa layanan itu hanya melalui aplikasi daring.",
                "Tell her the service is online only.",
                1,
            ),
            (
                "Mendampinginya mengisi permohonan daring di komputer layanan mandiri, "
                "membantu membuat akun, dan mencatat nomor telepon keluarga sebagai "
                "kontak notifikasi bila ia setuju.",
                "Help her file the online application at the self-service computer, "
                "set up an account with her, and note a relative's number for "
                "notifications if she agrees.",
                5,
            ),
            (
                "Memberinya panduan cetak langkah demi langkah untuk dicoba di rumah.",
                "Give her a printed step-by-step guide to try at home.",
                3,
            ),
            (
                "Menyarankannya meminta tolong cucunya.",
                "Suggest she asks a grandchild for help.",
                2,
            ),
            (
                "Mengisikan permohonan untuknya memakai akun Anda sendiri.",
                "Fill in the application for her with your own account.",
                1,
            ),
        ],
    ),
    (
        "sjt-es-02",
        "empati-sosial",
        "Seorang ibu menunggu antrean sambil menggendong bayi yang terus menangis. "
        "Nomor antreannya masih jauh.",
        "A mother is waiting in the queue with a baby who keeps crying. Her number "
        "is still far off.",
        [
            (
                "Membiarkan karena semua pemohon harus menunggu gilirannya.",
                "Leave it, since everyone must wait their turn.",
                2,
            ),
            (
                "Memintanya menunggu di luar agar tidak mengganggu.",
                "Ask her to wait outside so she does not disturb others.",
                1,
            ),
            (
                "Menawarkan ruang laktasi atau kursi yang lebih nyaman dan "
                "mengarahkannya ke loket prioritas sesuai ketentuan pelayanan bagi "
                "kelompok rentan.",
                "Offer the nursing room or a more comfortable seat and direct her to "
                "the priority counter, as the rules for vulnerable groups allow.",
                5,
            ),
            (
                "Menanyakan kepada pemohon lain apakah mereka bersedia mendahulukan "
                "ibu tersebut.",
                "Ask other applicants whether they will let her go first.",
                3,
            ),
        ],
    ),
    (
        "sjt-es-03",
        "empati-sosial",
        "Seorang warga datang dengan wajah lelah: dokumen usahanya rusak terendam "
        "banjir minggu lalu dan ia membutuhkan salinan izin untuk mengajukan "
        "bantuan modal.",
        "A resident arrives looking exhausted: his business documents were ruined in "
        "last week's flood and he needs a copy of his permit to apply for a "
        "recovery loan.",
        [
            (
                "Meminta ia mengajukan permohonan baru dari awal.",
                "Ask him to apply for a new permit from scratch.",
                1,
            ),
            (
                "Menanyakan keadaannya, mencari data izinnya di sistem, menjelaskan "
                "cara memperoleh salinan resmi, dan memberi tahu bila ada layanan "
                "khusus korban bencana.",
                "Ask how he is coping, look up his permit in the system, explain how "
                "to get an official copy, and tell him about any service for disaster "
                "victims.",
                5,
            ),
            (
                "Memberinya daftar persyaratan salinan izin.",
                "Give him the list of requirements for a copy.",
                3,
            ),
            (
                "Mengarahkannya ke kantor kelurahan untuk surat keterangan "
                "kehilangan lebih dulu.",
                "Send him to the village office for a loss certificate first.",
                2,
            ),
            (
                "Mencetak ulang dokumen dari sistem tanpa prosedur karena kasihan.",
                "Reprint the document from the system without procedure out of pity.",
                2,
            ),
        ],
    ),
    (
        "sjt-es-04",
        "empati-sosial",
        "Seorang pedagang kecil terlihat ragu mendaftar izin usaha. Ia bertanya "
        "dengan cemas berapa 'uang pelicin' yang harus disiapkan.",
        "A small trader hesitates to register his business. He asks anxiously how "
        "much 'grease money' he should prepare.",
        [
            (
                "Tersinggung dan menegaskan bahwa pegawai tidak menerima suap.",
                "Take offence and state that staff do not take bribes.",
                2,
            ),
            (
                "Menjelaskan dengan ramah bahwa layanan tidak dipungut biaya, "
                "menunjukkan papan informasi tarif, dan memberi tahu saluran "
                "pengaduan bila ada yang meminta uang.",
                "Explain kindly that the service is free, point to the published "
                "fees board, and give the complaints channel in case anyone asks for "
                "money.",
                5,
            ),
            (
                "Menjawab singkat bahwa layanan gratis.",
                "Answer briefly that the service is free.",
                3,
            ),
            (
                "Mengabaikan pertanyaannya dan langsung memeriksa berkas.",
                "Ignore the question and start checking the file.",
                1,
            ),
        ],
    ),
    # -- 5 Kepekaan gender ---------------------------------------------------------
    (
        "sjt-kg-01",
        "kepekaan-gender",
        "Seorang ibu mengajukan izin usaha katering atas namanya sendiri. Rekan di "
        'loket sebelah berkomentar, "Urusan izin usaha biar suaminya saja yang '
        'datang, Bu."',
        "A woman applies for a catering business permit in her own name. The "
        'colleague at the next counter remarks, "Leave business permits to your '
        "husband, ma'am.\"",
        [
            (
                "Tersenyum saja agar tidak memperpanjang masalah.",
                "Just smile so as not to make it an issue.",
                2,
            ),
            (
                "Melayani ibu tersebut sepenuhnya sebagai pemilik usaha, lalu "
                "menyampaikan kepada rekan secara pribadi bahwa komentar itu bias "
                "gender dan merendahkan pemohon.",
                "Serve the woman fully as the business owner, then tell the "
                "colleague privately that the remark was gender-biased and demeaned "
                "the applicant.",
                5,
            ),
            (
                "Menegur rekan dengan keras di depan pemohon.",
                "Rebuke the colleague loudly in front of the applicant.",
                3,
            ),
            (
                "Menanyakan kepada ibu tersebut apakah suaminya mengetahui "
                "permohonan ini.",
                "Ask the woman whether her husband knows about the application.",
                1,
            ),
        ],
    ),
    (
        "sjt-kg-02",
        "kepekaan-gender",
        "Dalam rapat pembagian tugas, tugas verifikasi lapangan selalu diberikan "
        "kepada pegawai laki-laki, sedangkan pegawai perempuan ditempatkan di "
        "administrasi, tanpa pernah ditanya minatnya.",
        "In the duty-planning meeting, field verification is always given to male "
        "staff and female staff are put on administration, without ever being "
        "asked what they prefer.",
        [
            (
                "Menganggapnya wajar karena sudah kebiasaan.",
                "Consider it normal because it has always been so.",
                1,
            ),
            (
                "Mengusulkan agar pembagian tugas didasarkan pada kompetensi dan "
                "minat, dengan memperhatikan keamanan dan kebutuhan masing-masing "
                "pegawai, lalu memintanya dibahas terbuka.",
                "Propose that duties be assigned by competence and interest, taking "
                "each person's safety and needs into account, and ask for an open "
                "discussion.",
                5,
            ),
            (
                "Menanyakan pendapat rekan perempuan secara pribadi setelah rapat.",
                "Ask female colleagues privately after the meeting what they think.",
                3,
            ),
            (
                "Menunggu kepala unit menyadarinya sendiri.",
                "Wait for the unit head to notice it.",
                2,
            ),
            (
                "Mengusulkan bergiliran tanpa melihat kesiapan masing-masing.",
                "Propose a strict rotation regardless of readiness.",
                3,
            ),
        ],
    ),
    (
        "sjt-kg-03",
        "kepekaan-gender",
        "Seorang pemohon laki-laki berulang kali melontarkan komentar tentang "
        "penampilan rekan perempuan Anda yang sedang melayaninya. Rekan Anda tampak "
        "tidak nyaman.",
        "A male applicant keeps making remarks about the appearance of your female "
        "colleague who is serving him. She looks uncomfortable.",
        [
            (
                "Pura-pura tidak mendengar.",
                "Pretend not to hear.",
                1,
            ),
            (
                "Menghampiri, menyatakan dengan sopan namun tegas bahwa komentar itu "
                "tidak pantas, menawarkan untuk mengambil alih layanan, dan "
                "memastikan kejadian dilaporkan sesuai prosedur.",
                "Step in, say politely but firmly that the remarks are not "
                "appropriate, offer to take over, and make sure the incident is "
                "reported through the proper procedure.",
                5,
            ),
            (
                "Menghibur rekan setelah pemohon pergi.",
                "Comfort your colleague after the applicant has left.",
                3,
            ),
            (
                "Menyarankan rekan lain kali berpakaian lebih tertutup.",
                "Suggest she dress more modestly next time.",
                1,
            ),
        ],
    ),
    (
        "sjt-kg-04",
        "kepekaan-gender",
        "Unit merencanakan sosialisasi perizinan UMKM. Sebagian besar calon peserta "
        "adalah ibu rumah tangga pelaku usaha rumahan, tetapi acara dijadwalkan "
        "pukul 08.00 pada hari kerja.",
        "The unit plans an information session on small-business licensing. Most "
        "participants are women running home businesses, but it is scheduled at "
        "08:00 on a weekday.",
        [
            (
                "Membiarkan jadwal karena sudah disetujui.",
                "Leave the schedule as it was approved.",
                2,
            ),
            (
                "Mengusulkan waktu dan tempat yang lebih mudah dijangkau peserta "
                "perempuan, misalnya siang hari di balai warga dengan area untuk "
                "anak, setelah menanyakan kebutuhan mereka.",
                "Propose a time and place easier for the women to reach, such as "
                "midday at the community hall with a space for children, after "
                "asking them what they need.",
                5,
            ),
            (
                "Menyediakan rekaman acara untuk yang tidak bisa hadir.",
                "Provide a recording for those who cannot attend.",
                3,
            ),
            (
                "Meminta peserta mengirim suami atau anggota keluarga lain.",
                "Ask participants to send their husbands or relatives.",
                1,
            ),
        ],
    ),
    # -- 6 Kepekaan disabilitas ------------------------------------------------------
    (
        "sjt-kd-01",
        "kepekaan-disabilitas",
        "Seorang pemohon pengguna kursi roda tiba di UP PTSP Kelurahan. Loket "
        "perizinan berada di lantai dua dan gedung tidak memiliki lift.",
        "An applicant in a wheelchair arrives at the village PTSP office. The "
        "licensing counter is on the first floor and the building has no lift.",
        [
            (
                "Memintanya datang kembali bersama pendamping yang dapat membantunya "
                "naik tangga.",
                "Ask her to come back with someone who can help her up the stairs.",
                1,
            ),
            (
                "Turun menemuinya dan melayani di meja lantai dasar dengan membawa "
                "perangkat yang diperlukan, lalu melaporkan kebutuhan aksesibilitas "
                "kepada kepala unit.",
                "Go down to meet her and serve her at a ground-floor desk with the "
                "equipment needed, then report the accessibility need to the unit "
                "head.",
                5,
            ),
            (
                "Menawarkan untuk mengangkat kursi rodanya bersama satpam tanpa "
                "bertanya lebih dulu.",
                "Offer to carry her wheelchair up with the guard without asking "
                "her first.",
                2,
            ),
            (
                "Menyarankannya menggunakan layanan daring.",
                "Suggest she use the online service.",
                3,
            ),
        ],
    ),
    (
        "sjt-kd-02",
        "kepekaan-disabilitas",
        "Seorang pemohon Tuli datang tanpa pendamping dan menunjukkan catatan di "
        "ponselnya bahwa ia ingin mengurus izin usaha.",
        "A Deaf applicant comes alone and shows a note on her phone saying she wants "
        "to apply for a business permit.",
        [
            (
                "Berbicara lebih keras dan perlahan.",
                "Speak louder and more slowly.",
                1,
            ),
            (
                "Berkomunikasi lewat tulisan di kertas atau ponsel, menghadap "
                "pemohon saat berbicara agar gerak bibir terlihat, dan menawarkan "
                "juru bahasa isyarat bila tersedia.",
                "Communicate in writing on paper or the phone, face her when "
                "speaking so she can read your lips, and offer a sign-language "
                "interpreter if available.",
                5,
            ),
            (
                "Memintanya kembali bersama keluarga yang bisa mendengar.",
                "Ask her to come back with a hearing relative.",
                1,
            ),
            (
                "Memberikan brosur persyaratan.",
                "Give her the requirements leaflet.",
                3,
            ),
            (
                "Mengetik penjelasan di ponsel Anda dan menunjukkannya.",
                "Type the explanation on your own phone and show it to her.",
                4,
            ),
        ],
    ),
    (
        "sjt-kd-03",
        "kepekaan-disabilitas",
        "Seorang pemohon tunanetra perlu mengisi dan menandatangani formulir "
        "permohonan.",
        "A blind applicant needs to fill in and sign the application form.",
        [
            (
                "Mengisi formulir untuknya tanpa membacakan isinya.",
                "Fill in the form for him without reading it back.",
                1,
            ),
            (
                "Menanyakan bantuan apa yang ia inginkan, membacakan setiap isian, "
                "mengisi sesuai jawabannya, membacakan ulang sebelum ia "
                "menandatangani, dan menunjukkan letak tanda tangan.",
                "Ask what help he would like, read each field aloud, fill it in as "
                "he answers, read it all back before he signs, and guide him to the "
                "signature line.",
                5,
            ),
            (
                "Memintanya membawa formulir pulang agar diisi keluarganya.",
                "Ask him to take the form home for his family to fill in.",
                2,
            ),
            (
                "Meminta pemohon lain di antrean membantunya.",
                "Ask another applicant in the queue to help.",
                1,
            ),
        ],
    ),
    (
        "sjt-kd-04",
        "kepekaan-disabilitas",
        "Seorang pemohon dengan disabilitas intelektual datang bersama kakaknya. "
        "Rekan Anda hanya berbicara kepada sang kakak dan tidak pernah menyapa "
        "pemohon.",
        "An applicant with an intellectual disability comes with his sister. Your "
        "colleague speaks only to the sister and never addresses the applicant.",
        [
            (
                "Membiarkan karena proses menjadi lebih cepat.",
                "Leave it, since it makes the process faster.",
                2,
            ),
            (
                "Ikut menyapa pemohon secara langsung dengan bahasa sederhana, "
                "memastikan ia memahami dan menyetujui permohonannya, lalu "
                "mengingatkan rekan tentang etika melayani penyandang disabilitas.",
                "Address the applicant directly in simple language, make sure he "
                "understands and agrees to the application, then remind your "
                "colleague of the etiquette for serving persons with disabilities.",
                5,
            ),
            (
                "Menegur rekan di depan pemohon dan kakaknya.",
                "Rebuke your colleague in front of the applicant and his sister.",
                3,
            ),
            (
                "Meminta kakaknya menandatangani semua dokumen sebagai wakil.",
                "Ask the sister to sign everything on his behalf.",
                1,
            ),
        ],
    ),
]
