# ruff: noqa: E501 - prose data, wrapped by hand like the demo modules
"""Behavioural indicators: three per dimension and level (6 × 5 × 3 = 90).

Written to Palan's rules for good indicators (paper, section 2.2): each names one
specific behaviour an observer can see in PTSP service work, without judging the
person, and is realistic for the level. The levels follow the scope of the
PermenPANRB 38/2017 scale: 1 the person, 2 the person towards others, 3 the team,
4 the organisation, 5 the government towards society.
"""

# (level, Indonesian, English) for each level of the scale.
LEVEL_DESCRIPTIONS = [
    (
        1,
        "Tingkat pribadi: menyadari, memahami dan menerima perbedaan latar belakang "
        "pemohon dan rekan kerja dalam tugas sehari-hari.",
        "Individual: is aware of, understands and accepts differences in the "
        "background of applicants and colleagues in daily work.",
    ),
    (
        2,
        "Tingkat antarpribadi: secara aktif menunjukkan sikap saling menghargai dan "
        "mencari kesamaan dengan orang yang berbeda.",
        "Interpersonal: actively shows mutual respect and looks for common ground "
        "with people who differ.",
    ),
    (
        3,
        "Tingkat tim: mengajak dan mendorong rekan kerja untuk bersikap toleran dan "
        "menjaga persatuan di unit.",
        "Team: encourages colleagues to be tolerant and to keep the unit united.",
    ),
    (
        4,
        "Tingkat organisasi: memanfaatkan keragaman untuk memperbaiki cara kerja, "
        "prosedur dan kebijakan unit.",
        "Organisation: uses diversity to improve the unit's ways of working, "
        "procedures and policies.",
    ),
    (
        5,
        "Tingkat masyarakat: mewakili pemerintah dalam membangun hubungan dengan "
        "kelompok masyarakat yang beragam.",
        "Society: represents the government in building relations with diverse "
        "community groups.",
    ),
]

INDICATORS: dict[str, dict[int, list[tuple[str, str]]]] = {
    "keragaman-budaya": {
        1: [
            (
                "Melayani setiap pemohon dengan urutan antrean dan prosedur yang sama "
                "tanpa memandang suku, agama, ras atau golongan.",
                "Serves every applicant in the same queue order and by the same "
                "procedure regardless of ethnicity, religion, race or group.",
            ),
            (
                "Menyapa pemohon dengan sapaan baku yang sopan, bukan dengan sebutan "
                "berdasarkan suku atau daerah asal.",
                "Greets applicants with a polite standard form of address, not with "
                "a label based on ethnicity or home region.",
            ),
            (
                "Mendengarkan sampai selesai pemohon yang berbicara dengan logat atau "
                "bahasa daerah tanpa memotong pembicaraannya.",
                "Listens to the end to applicants who speak with a regional accent or "
                "language without interrupting them.",
            ),
        ],
        2: [
            (
                "Meminta bantuan rekan yang menguasai bahasa daerah atau bahasa asing "
                "ketika pemohon kesulitan berbahasa Indonesia.",
                "Asks a colleague who speaks the regional or foreign language for help "
                "when an applicant struggles with Indonesian.",
            ),
            (
                "Menegur secara langsung dan sopan rekan yang melontarkan lelucon "
                "bernada SARA di ruang layanan.",
                "Directly and politely corrects a colleague who makes a joke about "
                "ethnicity, religion or race in the service area.",
            ),
            (
                "Menyesuaikan jadwal piket dengan hari besar keagamaan rekan kerja yang "
                "berbeda agama.",
                "Adjusts the duty roster to the religious holidays of colleagues of "
                "other faiths.",
            ),
        ],
        3: [
            (
                "Menceritakan dalam briefing contoh pelayanan yang adil kepada pemohon "
                "dari latar belakang berbeda.",
                "Tells the briefing an example of fair service to applicants from "
                "different backgrounds.",
            ),
            (
                "Mengusulkan kegiatan bersama unit yang melibatkan pegawai lintas agama "
                "dan suku.",
                "Proposes unit activities that bring together staff of different "
                "religions and ethnic groups.",
            ),
            (
                "Memasangkan pegawai baru dengan rekan dari latar budaya berbeda dalam "
                "tugas loket selama masa pengenalan.",
                "Pairs a new employee with a colleague of a different cultural "
                "background at the counter during induction.",
            ),
        ],
        4: [
            (
                "Menyusun pembagian tugas loket yang memanfaatkan kemampuan bahasa dan "
                "pengetahuan budaya setiap pegawai.",
                "Draws up the counter roster so that it uses each employee's language "
                "skills and cultural knowledge.",
            ),
            (
                "Menetapkan prosedur tertulis unit untuk menangani keluhan perlakuan "
                "diskriminatif.",
                "Sets a written unit procedure for handling complaints of "
                "discriminatory treatment.",
            ),
            (
                "Memeriksa data pengaduan setiap triwulan untuk menemukan perlakuan "
                "berbeda terhadap kelompok pemohon tertentu.",
                "Reviews complaint data every quarter to find unequal treatment of a "
                "particular group of applicants.",
            ),
        ],
        5: [
            (
                "Mewakili instansi dalam forum tokoh agama dan tokoh masyarakat untuk "
                "menjelaskan layanan perizinan.",
                "Represents the agency at forums of religious and community leaders to "
                "explain permit services.",
            ),
            (
                "Menjalin kerja sama dengan lembaga adat atau paguyuban daerah untuk "
                "sosialisasi layanan PTSP.",
                "Sets up cooperation with customary institutions or regional "
                "associations to publicise one-stop services.",
            ),
            (
                "Menyampaikan pernyataan publik yang menegaskan kesetaraan layanan bagi "
                "semua warga ketika muncul isu SARA terkait pelayanan.",
                "Issues a public statement affirming equal service for all residents "
                "when an ethnic or religious issue about the service arises.",
            ),
        ],
    },
    "jejaring-sosial": {
        1: [
            (
                "Menyebutkan nama dan unitnya ketika pertama kali menghubungi petugas "
                "instansi lain.",
                "States their name and unit when first contacting an officer of "
                "another agency.",
            ),
            (
                "Mencatat nama dan nomor kontak petugas instansi terkait yang dihubungi "
                "saat menyelesaikan berkas.",
                "Records the name and contact number of the officer of a related "
                "agency contacted while completing a file.",
            ),
            (
                "Membalas pesan atau telepon rekan kerja dan mitra pada hari kerja yang "
                "sama.",
                "Answers messages or calls from colleagues and partners on the same "
                "working day.",
            ),
        ],
        2: [
            (
                "Menjawab permintaan informasi prosedur dari rekan unit lain tanpa "
                "menunggu perintah atasan.",
                "Answers a colleague from another unit asking about a procedure without "
                "waiting to be told by a superior.",
            ),
            (
                "Menghadiri kegiatan bersama lintas unit, seperti gathering atau rapat "
                "koordinasi, yang mengundangnya.",
                "Attends cross-unit events, such as a gathering or coordination "
                "meeting, to which they are invited.",
            ),
            (
                "Menyampaikan terima kasih secara langsung atau tertulis kepada mitra "
                "yang membantu menyelesaikan permohonan.",
                "Thanks, in person or in writing, a partner who helped to complete an "
                "application.",
            ),
        ],
        3: [
            (
                "Menghubungkan pemohon dengan petugas instansi teknis yang tepat untuk "
                "persoalan di luar kewenangan PTSP.",
                "Connects an applicant with the right officer of a technical agency "
                "for a matter outside the one-stop service's authority.",
            ),
            (
                "Membagikan kontak mitra kerja yang relevan kepada rekan satu unit "
                "melalui daftar kontak bersama.",
                "Shares the contacts of relevant partners with colleagues through a "
                "shared contact list.",
            ),
            (
                "Mengajak rekan dari kelurahan lain bertukar pengalaman menangani kasus "
                "layanan yang serupa.",
                "Invites colleagues from another kelurahan to exchange experience of "
                "handling similar service cases.",
            ),
        ],
        4: [
            (
                "Memprakarsai rapat koordinasi rutin dengan instansi teknis untuk "
                "mempercepat penyelesaian permohonan.",
                "Initiates regular coordination meetings with technical agencies to "
                "speed up the completion of applications.",
            ),
            (
                "Menyusun daftar mitra strategis unit beserta peran masing-masing dalam "
                "layanan perizinan.",
                "Compiles a list of the unit's strategic partners and the role of each "
                "in permit services.",
            ),
            (
                "Menuangkan hasil koordinasi lintas instansi dalam kesepakatan tertulis "
                "tentang pembagian tugas.",
                "Records the outcome of cross-agency coordination in a written "
                "agreement on the division of tasks.",
            ),
        ],
        5: [
            (
                "Mewakili pemerintah daerah dalam pertemuan dengan asosiasi usaha untuk "
                "membahas kemudahan perizinan.",
                "Represents the regional government at meetings with business "
                "associations about easier permits.",
            ),
            (
                "Membangun kerja sama formal dengan organisasi masyarakat atau "
                "perguruan tinggi untuk meningkatkan mutu layanan.",
                "Establishes formal cooperation with community organisations or "
                "universities to improve service quality.",
            ),
            (
                "Menjadi narasumber dalam forum publik untuk menjelaskan kebijakan "
                "pelayanan perizinan kepada warga.",
                "Speaks at public forums to explain permit service policy to "
                "residents.",
            ),
        ],
    },
    "manajemen-konflik": {
        1: [
            (
                "Berbicara dengan nada tenang ketika pemohon menyampaikan keluhan "
                "dengan marah.",
                "Speaks in a calm tone when an applicant complains angrily.",
            ),
            (
                "Mengulang pokok keluhan pemohon untuk memastikan masalahnya dipahami "
                "dengan benar.",
                "Repeats the main point of an applicant's complaint to check that the "
                "problem has been understood correctly.",
            ),
            (
                "Melaporkan kepada atasan pada hari yang sama perselisihan dengan "
                "pemohon yang tidak dapat diselesaikannya.",
                "Reports to a superior on the same day any dispute with an applicant "
                "that they could not resolve.",
            ),
        ],
        2: [
            (
                "Mengajak pemohon yang marah ke meja terpisah agar pemohon lain tetap "
                "terlayani.",
                "Invites an angry applicant to a separate desk so that other applicants "
                "continue to be served.",
            ),
            (
                "Menawarkan pilihan penyelesaian yang sesuai aturan kepada pemohon yang "
                "persyaratannya belum lengkap.",
                "Offers options that comply with the rules to an applicant whose "
                "requirements are incomplete.",
            ),
            (
                "Menyampaikan keberatan atas pembagian tugas langsung kepada rekan atau "
                "atasan yang bersangkutan.",
                "Raises objections to a task assignment directly with the colleague or "
                "superior concerned.",
            ),
        ],
        3: [
            (
                "Mempertemukan dua rekan kerja yang berselisih untuk membicarakan "
                "masalahnya secara langsung.",
                "Brings two colleagues in dispute together to talk the problem through "
                "face to face.",
            ),
            (
                "Mengangkat pengaduan masyarakat yang berulang dalam briefing untuk "
                "menyepakati cara penanganannya.",
                "Raises recurring public complaints at the briefing so that the team "
                "agrees how to handle them.",
            ),
            (
                "Mencatat setiap pengaduan beserta penyelesaiannya dalam buku atau "
                "sistem pengaduan unit.",
                "Records every complaint and its resolution in the unit's complaint "
                "book or system.",
            ),
        ],
        4: [
            (
                "Menyusun prosedur penanganan pengaduan di loket yang menetapkan batas "
                "waktu dan penanggung jawab.",
                "Draws up a counter complaint-handling procedure that sets deadlines "
                "and responsibilities.",
            ),
            (
                "Mengusulkan perubahan prosedur layanan berdasarkan analisis akar "
                "masalah pengaduan yang berulang.",
                "Proposes changes to service procedures based on a root-cause analysis "
                "of recurring complaints.",
            ),
            (
                "Menuangkan penyelesaian perselisihan antarunit dalam notulen rapat "
                "yang disepakati kedua pihak.",
                "Records the settlement of a dispute between units in meeting minutes "
                "agreed by both sides.",
            ),
        ],
        5: [
            (
                "Memimpin dialog dengan kelompok warga yang memprotes suatu kebijakan "
                "perizinan.",
                "Leads a dialogue with a group of residents protesting against a "
                "permit policy.",
            ),
            (
                "Menjadi penengah antara pemerintah daerah dan kelompok masyarakat "
                "dalam sengketa terkait layanan publik.",
                "Mediates between the regional government and a community group in a "
                "dispute about public services.",
            ),
            (
                "Menyampaikan penjelasan resmi kepada media atas pengaduan publik yang "
                "meluas.",
                "Gives the media an official explanation of a widespread public "
                "complaint.",
            ),
        ],
    },
    "empati-sosial": {
        1: [
            (
                "Menanyakan kebutuhan pemohon sebelum menjelaskan persyaratan layanan.",
                "Asks about the applicant's needs before explaining the service "
                "requirements.",
            ),
            (
                "Menghadap dan menatap pemohon ketika pemohon sedang berbicara.",
                "Faces and looks at the applicant while the applicant is speaking.",
            ),
            (
                "Menjelaskan ulang persyaratan dengan bahasa sederhana kepada pemohon "
                "yang bertanya kembali.",
                "Explains the requirements again in plain language to an applicant who "
                "asks a second time.",
            ),
        ],
        2: [
            (
                "Memberi tahu pemohon perkiraan waktu tunggu ketika antrean panjang.",
                "Tells applicants the expected waiting time when the queue is long.",
            ),
            (
                "Menghubungi pemohon yang berkasnya tertunda untuk menjelaskan "
                "penyebabnya.",
                "Contacts an applicant whose file is delayed to explain the reason.",
            ),
            (
                "Menawarkan diri menggantikan tugas rekan yang sedang menghadapi "
                "musibah keluarga.",
                "Offers to cover the duties of a colleague facing a family emergency.",
            ),
        ],
        3: [
            (
                "Menceritakan kasus pemohon beserta kesulitannya dalam briefing agar "
                "rekan memahami sudut pandang warga.",
                "Tells the briefing about an applicant's case and difficulties so "
                "colleagues understand the resident's point of view.",
            ),
            (
                "Mengusulkan perbaikan layanan berdasarkan kesulitan yang diceritakan "
                "pemohon.",
                "Proposes service improvements based on difficulties described by "
                "applicants.",
            ),
            (
                "Mengatur penggantian tugas loket bagi rekan yang memiliki keperluan "
                "keluarga mendesak.",
                "Arranges cover at the counter for a colleague with an urgent family "
                "matter.",
            ),
        ],
        4: [
            (
                "Menetapkan prioritas perbaikan layanan unit berdasarkan hasil survei "
                "kepuasan masyarakat.",
                "Sets the unit's service improvement priorities from the results of "
                "the public satisfaction survey.",
            ),
            (
                "Merancang layanan jemput bola bagi kelompok warga yang sulit datang ke "
                "kantor.",
                "Designs an outreach service for groups of residents who find it hard "
                "to come to the office.",
            ),
            (
                "Melibatkan perwakilan pemohon dalam evaluasi standar pelayanan unit.",
                "Involves applicants' representatives in evaluating the unit's service "
                "standards.",
            ),
        ],
        5: [
            (
                "Mengunjungi kelompok warga yang terdampak suatu kebijakan untuk "
                "mendengar keluhan mereka secara langsung.",
                "Visits residents affected by a policy to hear their concerns first "
                "hand.",
            ),
            (
                "Menyampaikan kebutuhan kelompok masyarakat rentan dalam forum "
                "perumusan kebijakan pemerintah daerah.",
                "Presents the needs of vulnerable groups at regional policy-making "
                "forums.",
            ),
            (
                "Mewakili instansi dalam kegiatan sosial kemasyarakatan di wilayah "
                "layanan.",
                "Represents the agency at community social events in the service area.",
            ),
        ],
    },
    "kepekaan-gender": {
        1: [
            (
                "Menggunakan sapaan yang setara kepada pemohon laki-laki dan perempuan.",
                "Uses equally respectful forms of address for male and female "
                "applicants.",
            ),
            (
                "Memberikan informasi persyaratan yang sama kepada pemohon perempuan "
                "dan laki-laki untuk jenis layanan yang sama.",
                "Gives female and male applicants the same information on requirements "
                "for the same service.",
            ),
            (
                "Membatasi percakapan dengan pemohon pada urusan layanan tanpa "
                "mengomentari penampilan fisiknya.",
                "Keeps conversations with applicants to the service without commenting "
                "on their physical appearance.",
            ),
        ],
        2: [
            (
                "Mengarahkan pemohon yang membawa bayi ke ruang laktasi atau ruang "
                "tunggu yang sesuai.",
                "Directs an applicant with a baby to the nursing room or a suitable "
                "waiting area.",
            ),
            (
                "Membagi tugas loket dan tugas lapangan berdasarkan kemampuan pegawai, "
                "bukan jenis kelaminnya.",
                "Assigns counter and field duties by the employee's ability, not by "
                "their sex.",
            ),
            (
                "Menegur rekan yang melontarkan lelucon merendahkan jenis kelamin "
                "tertentu.",
                "Corrects a colleague who makes a joke demeaning one sex.",
            ),
        ],
        3: [
            (
                "Mengusulkan agar rapat dan kegiatan unit diadakan pada jam kerja "
                "sehingga pegawai yang mengasuh anak dapat hadir.",
                "Proposes holding unit meetings and events during working hours so "
                "that staff caring for children can attend.",
            ),
            (
                "Menyajikan data pemohon terpilah menurut jenis kelamin sebagai bahan "
                "diskusi dalam briefing.",
                "Presents applicant data broken down by sex for discussion at the "
                "briefing.",
            ),
            (
                "Mengusulkan pegawai perempuan dan laki-laki secara berimbang sebagai "
                "narasumber atau perwakilan unit.",
                "Nominates women and men in balance as speakers or representatives of "
                "the unit.",
            ),
        ],
        4: [
            (
                "Menyusun laporan layanan unit yang terpilah menurut jenis kelamin "
                "setiap triwulan.",
                "Produces a quarterly report of the unit's services broken down by "
                "sex.",
            ),
            (
                "Menetapkan prosedur unit untuk menangani laporan pelecehan seksual di "
                "tempat kerja.",
                "Sets a unit procedure for handling reports of sexual harassment at "
                "work.",
            ),
            (
                "Mengusulkan anggaran untuk ruang laktasi dan toilet terpisah di lokasi "
                "layanan.",
                "Proposes a budget for a nursing room and separate toilets at the "
                "service location.",
            ),
        ],
        5: [
            (
                "Mewakili instansi dalam forum pengarusutamaan gender pemerintah "
                "daerah.",
                "Represents the agency at the regional government's gender "
                "mainstreaming forum.",
            ),
            (
                "Menjelaskan kebijakan layanan yang responsif gender kepada organisasi "
                "perempuan dan masyarakat.",
                "Explains gender-responsive service policy to women's and community "
                "organisations.",
            ),
            (
                "Menjalin kerja sama rujukan dengan lembaga perlindungan perempuan dan "
                "anak bagi pemohon yang membutuhkan.",
                "Sets up referral cooperation with women's and children's protection "
                "services for applicants who need it.",
            ),
        ],
    },
    "kepekaan-disabilitas": {
        1: [
            (
                "Menanyakan lebih dahulu bantuan yang dibutuhkan penyandang disabilitas "
                "sebelum membantunya.",
                "Asks a person with a disability what help they need before helping.",
            ),
            (
                "Berbicara langsung kepada pemohon penyandang disabilitas, bukan kepada "
                "pendampingnya.",
                "Speaks directly to the applicant with a disability, not to their "
                "companion.",
            ),
            (
                "Mendahulukan penyandang disabilitas, lanjut usia dan ibu hamil dalam "
                "antrean sesuai ketentuan layanan prioritas.",
                "Gives priority in the queue to persons with disabilities, older people "
                "and pregnant women as the priority-service rules provide.",
            ),
        ],
        2: [
            (
                "Membacakan isi formulir kepada pemohon tunanetra dan menuliskan "
                "jawaban sesuai ucapannya.",
                "Reads a form aloud to a blind applicant and writes down the answers as "
                "spoken.",
            ),
            (
                "Menggunakan tulisan atau gambar untuk berkomunikasi dengan pemohon "
                "tuli.",
                "Uses writing or pictures to communicate with a deaf applicant.",
            ),
            (
                "Melaporkan kepada atasan sarana aksesibilitas yang rusak pada hari "
                "kerusakan ditemukan.",
                "Reports broken accessibility facilities to a superior on the day the "
                "fault is found.",
            ),
        ],
        3: [
            (
                "Memperagakan kepada rekan cara mendorong kursi roda dan memandu "
                "pemohon tunanetra.",
                "Shows colleagues how to push a wheelchair and guide a blind "
                "applicant.",
            ),
            (
                "Mengajak rekan mengikuti diklat pelayanan bagi penyandang disabilitas.",
                "Encourages colleagues to attend the training on serving persons with "
                "disabilities.",
            ),
            (
                "Menyusun daftar periksa harian sarana aksesibilitas dan membagikannya "
                "kepada rekan piket.",
                "Writes a daily checklist of accessibility facilities and shares it "
                "with colleagues on duty.",
            ),
        ],
        4: [
            (
                "Mengevaluasi aksesibilitas lokasi layanan bersama organisasi "
                "penyandang disabilitas.",
                "Evaluates the accessibility of the service location together with an "
                "organisation of persons with disabilities.",
            ),
            (
                "Mengusulkan anggaran perbaikan sarana aksesibilitas berdasarkan hasil "
                "evaluasi.",
                "Proposes a budget for improving accessibility facilities based on the "
                "evaluation.",
            ),
            (
                "Menyediakan layanan kunjungan rumah bagi pemohon penyandang "
                "disabilitas yang tidak dapat datang ke loket.",
                "Provides home visits for applicants with disabilities who cannot come "
                "to the counter.",
            ),
        ],
        5: [
            (
                "Mewakili instansi dalam forum bersama organisasi penyandang "
                "disabilitas.",
                "Represents the agency at joint forums with organisations of persons "
                "with disabilities.",
            ),
            (
                "Menyampaikan masukan kebijakan aksesibilitas layanan publik kepada "
                "pemerintah daerah.",
                "Gives the regional government policy input on the accessibility of "
                "public services.",
            ),
            (
                "Menjadi narasumber dalam sosialisasi hak penyandang disabilitas atas "
                "layanan publik.",
                "Speaks at information sessions on the right of persons with "
                "disabilities to public services.",
            ),
        ],
    },
}
