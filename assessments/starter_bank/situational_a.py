"""Situational items, dimensions 1–3 (keragaman budaya, jejaring sosial,
manajemen konflik). Each item: (code, dimension code, stem, stem in English,
[(option, option in English, score 1–5), ...]). Options are listed in the order
shown to the test taker; the best answer is not always first."""

SITUATIONAL_A = [
    # -- 1 Mengelola keragaman lingkungan budaya ---------------------------------
    (
        "sjt-kb-01",
        "keragaman-budaya",
        "Seorang pemohon lanjut usia datang ke loket UP PTSP Kelurahan dan berbicara "
        "dalam bahasa Sunda. Ia tampak kesulitan memahami penjelasan Anda tentang "
        "persyaratan Surat Keterangan Domisili Usaha dalam bahasa Indonesia.",
        "An elderly applicant at the counter of the village PTSP office speaks "
        "Sundanese. He clearly struggles to follow your explanation, in Indonesian, "
        "of the requirements for a business domicile certificate.",
        [
            (
                "Mengulang penjelasan yang sama dengan suara lebih keras.",
                "Repeat the same explanation more loudly.",
                2,
            ),
            (
                "Menjelaskan pelan-pelan dengan kalimat sederhana, menunjukkan contoh "
                "dokumen, dan bila perlu meminta bantuan rekan yang mengerti bahasa "
                "Sunda.",
                "Explain slowly in simple sentences, show sample documents and, if "
                "needed, ask a colleague who speaks Sundanese to help.",
                5,
            ),
            (
                "Memintanya pulang dan kembali bersama anggota keluarga yang lancar "
                "berbahasa Indonesia.",
                "Ask him to go home and come back with a relative who speaks "
                "Indonesian well.",
                1,
            ),
            (
                "Memberikan lembar persyaratan tertulis dan mempersilakannya membaca "
                "sendiri di ruang tunggu.",
                "Hand him the written list of requirements and let him read it in "
                "the waiting area.",
                3,
            ),
            (
                "Mencatat nomor teleponnya agar keluarganya dapat dihubungi untuk "
                "dijelaskan.",
                "Take his phone number so that his family can be called and told.",
                4,
            ),
        ],
    ),
    (
        "sjt-kb-02",
        "keragaman-budaya",
        "Saat jam istirahat, seorang rekan di back office bercanda tentang logat dan "
        "kebiasaan pemohon dari suku tertentu yang baru saja dilayani. Beberapa "
        "rekan tertawa; pemohon lain di ruang tunggu dapat mendengarnya.",
        "During the break a back-office colleague jokes about the accent and habits "
        "of an applicant from a particular ethnic group who has just been served. "
        "Some colleagues laugh; applicants in the waiting area can hear it.",
        [
            (
                "Ikut tertawa agar suasana tim tetap cair.",
                "Laugh along to keep the team mood relaxed.",
                1,
            ),
            (
                "Diam saja karena itu bukan urusan Anda.",
                "Say nothing because it is not your business.",
                2,
            ),
            (
                "Menegur rekan secara langsung dan tenang bahwa candaan itu "
                "merendahkan pemohon, lalu mengangkatnya sebagai topik briefing "
                "tentang pelayanan tanpa diskriminasi.",
                "Tell the colleague calmly and directly that the joke demeans the "
                "applicant, then raise it in a briefing on non-discriminatory "
                "service.",
                5,
            ),
            (
                "Melaporkan rekan tersebut kepada kepala unit tanpa berbicara "
                "dengannya.",
                "Report the colleague to the unit head without speaking to him.",
                3,
            ),
            (
                "Mengalihkan pembicaraan ke topik lain.",
                "Change the subject.",
                2,
            ),
        ],
    ),
    (
        "sjt-kb-03",
        "keragaman-budaya",
        "Menjelang waktu salat Jumat, seorang pemohon meminta berkasnya didahulukan "
        "karena ingin ke masjid. Di antrean ada pemohon lain yang juga menunggu "
        "sejak pagi.",
        "Shortly before Friday prayers an applicant asks to be served first because "
        "he wants to go to the mosque. Other applicants in the queue have also been "
        "waiting since the morning.",
        [
            (
                "Langsung melayaninya lebih dulu karena alasan ibadah.",
                "Serve him first straight away because it is for worship.",
                2,
            ),
            (
                "Menolak dengan tegas karena antrean berlaku untuk semua.",
                "Refuse firmly because the queue applies to everyone.",
                3,
            ),
            (
                "Menjelaskan bahwa urutan antrean tetap, lalu menawarkan agar nomor "
                "antreannya disimpan atau berkas dititipkan dan diproses saat ia "
                "kembali.",
                "Explain that the queue order stands, then offer to hold his number "
                "or take his file and process it when he returns.",
                5,
            ),
            (
                "Menyarankannya datang lagi hari lain.",
                "Suggest he come back another day.",
                1,
            ),
        ],
    ),
    (
        "sjt-kb-04",
        "keragaman-budaya",
        "Seorang CRO baru dari luar Jakarta ditempatkan di unit Anda. Dalam beberapa "
        "minggu ia sering makan siang sendirian dan jarang diajak berdiskusi oleh "
        "rekan lain.",
        "A new Customer Relation Officer from outside Jakarta joins your unit. For "
        "weeks she has been eating lunch alone and is rarely included in "
        "discussions.",
        [
            (
                "Menunggu ia menyesuaikan diri sendiri.",
                "Wait for her to adapt on her own.",
                2,
            ),
            (
                "Mengajaknya bergabung, mengenalkannya kepada rekan, dan mengusulkan "
                "kegiatan gathering agar tim saling mengenal latar belakang masing-"
                "masing.",
                "Invite her to join in, introduce her to colleagues and propose a "
                "gathering so the team learns about each other's backgrounds.",
                5,
            ),
            (
                "Menyampaikan kepada kepala unit bahwa CRO baru kurang bergaul.",
                "Tell the unit head that the new officer does not mix well.",
                1,
            ),
            (
                "Sesekali menyapanya ketika berpapasan.",
                "Greet her now and then in passing.",
                3,
            ),
            (
                "Mengajaknya makan siang bersama Anda.",
                "Invite her to lunch with you.",
                4,
            ),
        ],
    ),
    # -- 2 Membangun jejaring sosial ---------------------------------------------
    (
        "sjt-js-01",
        "jejaring-sosial",
        "Permohonan izin seorang pelaku usaha tertahan karena menunggu rekomendasi "
        "teknis dari suku dinas. Pemohon sudah tiga kali datang menanyakan "
        "perkembangannya.",
        "A business permit is held up waiting for a technical recommendation from a "
        "city agency office. The applicant has come three times to ask about it.",
        [
            (
                "Menjelaskan bahwa hal itu di luar kewenangan unit dan meminta pemohon "
                "menanyakan langsung ke suku dinas.",
                "Explain that it is outside the unit's authority and ask the "
                "applicant to enquire at the agency himself.",
                1,
            ),
            (
                "Menghubungi kontak di suku dinas, menanyakan kendalanya, menyepakati "
                "jalur koordinasi untuk berkas berikutnya, lalu mengabari pemohon.",
                "Call your contact at the agency, ask what the obstacle is, agree on "
                "a coordination channel for future files, then update the "
                "applicant.",
                5,
            ),
            (
                "Mengirim surat resmi ke suku dinas dan menunggu balasan.",
                "Send an official letter to the agency and wait for the reply.",
                3,
            ),
            (
                "Meminta atasan yang menindaklanjuti.",
                "Ask your superior to follow it up.",
                2,
            ),
            (
                "Memberi tahu pemohon perkiraan waktu berdasarkan pengalaman "
                "sebelumnya.",
                "Give the applicant an estimate based on past experience.",
                2,
            ),
        ],
    ),
    (
        "sjt-js-02",
        "jejaring-sosial",
        "Ketua RW di wilayah kelurahan meminta unit Anda memberi sosialisasi tentang "
        "perizinan usaha mikro kepada warganya pada hari Sabtu.",
        "The head of a neighbourhood association (RW) asks your unit to explain "
        "micro-business licensing to residents on a Saturday.",
        [
            (
                "Menolak karena hari Sabtu di luar jam kerja.",
                "Decline because Saturday is outside working hours.",
                1,
            ),
            (
                "Mengirimkan brosur untuk dibagikan oleh pengurus RW.",
                "Send leaflets for the association to hand out.",
                3,
            ),
            (
                "Menyambut baik, mengusulkannya kepada kepala unit, lalu menyiapkan "
                "materi bersama pengurus RW dan menjaga kontak untuk kegiatan "
                "berikutnya.",
                "Welcome it, propose it to the unit head, prepare the material with "
                "the association and keep in touch for later events.",
                5,
            ),
            (
                "Menyarankan warga datang langsung ke loket pada hari kerja.",
                "Suggest residents come to the counter on a working day.",
                2,
            ),
        ],
    ),
    (
        "sjt-js-03",
        "jejaring-sosial",
        "Anda mendengar bahwa UP PTSP kelurahan tetangga berhasil memangkas waktu "
        "tunggu antrean dengan cara baru.",
        "You hear that the PTSP office of a neighbouring village has cut queue "
        "waiting times with a new approach.",
        [
            (
                "Menganggap kondisi tiap kelurahan berbeda sehingga tidak perlu "
                "ditiru.",
                "Assume each village is different, so there is nothing to copy.",
                1,
            ),
            (
                "Menghubungi rekan di kelurahan tersebut, meminta izin berkunjung, "
                "lalu membagikan hasilnya dalam briefing unit.",
                "Contact colleagues there, ask to visit, and share what you learn "
                "in your unit's briefing.",
                5,
            ),
            (
                "Menunggu ada program benchmarking resmi dari kecamatan.",
                "Wait for an official benchmarking programme from the district.",
                2,
            ),
            (
                "Mencari informasinya di grup percakapan antarpegawai.",
                "Look for information in the staff chat group.",
                3,
            ),
            (
                "Mengusulkan kepada kepala unit agar mengundang kepala kelurahan "
                "tersebut berbagi pengalaman.",
                "Propose that the unit head invite that office's head to share their "
                "experience.",
                4,
            ),
        ],
    ),
    (
        "sjt-js-04",
        "jejaring-sosial",
        "Sekelompok pelaku UMKM di pasar setempat belum memiliki Nomor Induk "
        "Berusaha (NIB) dan mengaku takut prosesnya rumit.",
        "A group of small traders at the local market have no business "
        "identification number (NIB) and say they fear the process is complicated.",
        [
            (
                "Menunggu mereka datang sendiri ke loket.",
                "Wait for them to come to the counter.",
                1,
            ),
            (
                "Menitipkan informasi kepada pengelola pasar.",
                "Leave the information with the market manager.",
                3,
            ),
            (
                "Bekerja sama dengan pengelola pasar dan pendamping UMKM untuk "
                "membuka layanan jemput bola, dan menyimpan kontak para pedagang "
                "untuk pendampingan lanjutan.",
                "Work with the market manager and small-business mentors to run an "
                "outreach service, and keep the traders' contacts for follow-up "
                "support.",
                5,
            ),
            (
                "Mengunggah panduan pengurusan NIB di media sosial unit.",
                "Post an NIB guide on the unit's social media.",
                2,
            ),
        ],
    ),
    # -- 3 Manajemen konflik -------------------------------------------------------
    (
        "sjt-mk-01",
        "manajemen-konflik",
        "Seorang pemohon marah di loket karena berkasnya dikembalikan untuk kedua "
        "kalinya. Ia berbicara dengan suara keras sehingga pemohon lain menoleh.",
        "An applicant is angry at the counter because his file has been returned a "
        "second time. He is shouting and other applicants are turning to look.",
        [
            (
                "Membalas dengan tegas bahwa aturan tidak bisa ditawar.",
                "Reply firmly that the rules are not negotiable.",
                2,
            ),
            (
                "Memanggil petugas keamanan.",
                "Call security.",
                1,
            ),
            (
                "Mendengarkan sampai ia selesai, mengakui kekesalannya, mengajaknya "
                "duduk di meja konsultasi, lalu menjelaskan kekurangan berkas secara "
                "tertulis sekaligus dan tuntas.",
                "Listen until he has finished, acknowledge his frustration, invite "
                "him to the consultation desk, then explain every missing item in "
                "writing at once.",
                5,
            ),
            (
                "Meminta maaf dan menerima berkasnya walaupun belum lengkap.",
                "Apologise and accept the file even though it is incomplete.",
                1,
            ),
            (
                "Menyerahkan penanganannya kepada rekan yang lebih senior.",
                "Hand him over to a more senior colleague.",
                3,
            ),
        ],
    ),
    (
        "sjt-mk-02",
        "manajemen-konflik",
        "Dua pemohon bertengkar di depan loket: yang satu merasa datang lebih dulu, "
        "yang lain memegang nomor antrean yang lebih kecil.",
        "Two applicants argue in front of the counter: one says he arrived first, "
        "the other holds the lower queue number.",
        [
            (
                "Membiarkan mereka menyelesaikannya sendiri.",
                "Let them sort it out themselves.",
                1,
            ),
            (
                "Menengahi dengan tenang, menjelaskan bahwa nomor antrean menjadi "
                "acuan, memastikan pemohon yang merasa dirugikan tahu perkiraan "
                "waktunya, dan mencatat kejadian untuk evaluasi sistem antrean.",
                "Step in calmly, explain that the queue number is the rule, make sure "
                "the one who feels wronged knows his expected wait, and log the "
                "incident for the queue review.",
                5,
            ),
            (
                "Melayani keduanya bersamaan agar cepat selesai.",
                "Serve both at once to end it quickly.",
                2,
            ),
            (
                "Melayani yang paling keras protesnya agar suasana kembali tenang.",
                "Serve the loudest one so things calm down.",
                1,
            ),
            (
                "Meminta satpam mengatur antrean.",
                "Ask the guard to manage the queue.",
                3,
            ),
        ],
    ),
    (
        "sjt-mk-03",
        "manajemen-konflik",
        "Saat loket sangat ramai, seorang rekan menolak menggantikan Anda di loket "
        "karena merasa beban kerjanya sudah lebih berat. Ketegangan mulai terasa di "
        "tim.",
        "At a very busy moment a colleague refuses to take over your counter because "
        "he feels his workload is already heavier. The team is getting tense.",
        [
            (
                "Melaporkannya kepada kepala unit saat itu juga.",
                "Report him to the unit head on the spot.",
                2,
            ),
            (
                "Menyelesaikan antrean sendiri dan memendam kekesalan.",
                "Clear the queue yourself and keep your annoyance to yourself.",
                2,
            ),
            (
                "Menyelesaikan kebutuhan loket saat itu, lalu mengajaknya berbicara "
                "setelah jam layanan untuk menyepakati pembagian tugas dan "
                "mengusulkannya dalam briefing.",
                "Deal with the counter for now, then talk with him after service "
                "hours to agree on a division of tasks and propose it in the "
                "briefing.",
                5,
            ),
            (
                "Menegurnya di depan rekan lain agar ia malu.",
                "Call him out in front of the others to shame him.",
                1,
            ),
        ],
    ),
    (
        "sjt-mk-04",
        "manajemen-konflik",
        "Seorang pemohon mengancam akan memviralkan pelayanan unit di media sosial "
        "karena izinnya terlambat dua hari dari janji layanan.",
        "An applicant threatens to expose the unit on social media because his "
        "permit is two days past the service promise.",
        [
            (
                "Mengatakan bahwa ia boleh saja mengunggah apa pun.",
                "Tell him he may post whatever he likes.",
                1,
            ),
            (
                "Meminta maaf atas keterlambatan, memeriksa posisi berkas saat itu "
                "juga, memberi kepastian waktu, dan menawarkan jalur pengaduan resmi.",
                "Apologise for the delay, check where the file is right away, give a "
                "firm date and offer the official complaints channel.",
                5,
            ),
            (
                "Berjanji izinnya selesai hari itu juga agar ia tenang.",
                "Promise the permit will be ready today so he calms down.",
                2,
            ),
            (
                "Menjelaskan bahwa keterlambatan disebabkan instansi lain.",
                "Explain that another agency caused the delay.",
                3,
            ),
            (
                "Mengalihkannya ke kepala unit.",
                "Refer him to the unit head.",
                3,
            ),
        ],
    ),
]
