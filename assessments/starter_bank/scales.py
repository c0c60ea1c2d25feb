"""Likert self-ratings (one per dimension keyed normally, one reverse-keyed) and
personality items. Answer scale: 1 sangat tidak setuju … 5 sangat setuju.
Each: (code, dimension code or trait, statement, statement in English,
reverse-keyed)."""

LIKERT = [
    (
        "lk-kb-01",
        "keragaman-budaya",
        "Saya menyesuaikan cara berkomunikasi dengan latar belakang budaya pemohon.",
        "I adapt the way I communicate to the applicant's cultural background.",
        False,
    ),
    (
        "lk-kb-02",
        "keragaman-budaya",
        "Saya lebih nyaman melayani pemohon yang berasal dari suku yang sama dengan "
        "saya.",
        "I am more comfortable serving applicants from my own ethnic group.",
        True,
    ),
    (
        "lk-js-01",
        "jejaring-sosial",
        "Saya memiliki kontak di instansi lain yang dapat saya hubungi untuk "
        "mempercepat penyelesaian berkas.",
        "I have contacts in other agencies I can call to speed up a file.",
        False,
    ),
    (
        "lk-js-02",
        "jejaring-sosial",
        "Saya jarang berbagi informasi dengan rekan dari unit lain.",
        "I rarely share information with colleagues from other units.",
        True,
    ),
    (
        "lk-mk-01",
        "manajemen-konflik",
        "Ketika pemohon marah, saya tetap tenang dan mencari pokok masalahnya.",
        "When an applicant is angry I stay calm and look for the core of the problem.",
        False,
    ),
    (
        "lk-mk-02",
        "manajemen-konflik",
        "Saya cenderung menghindari pembicaraan tentang perbedaan pendapat di tim.",
        "I tend to avoid talking about disagreements in the team.",
        True,
    ),
    (
        "lk-es-01",
        "empati-sosial",
        "Saya berusaha memahami kesulitan pemohon sebelum menjelaskan aturan.",
        "I try to understand the applicant's difficulty before explaining the rules.",
        False,
    ),
    (
        "lk-es-02",
        "empati-sosial",
        "Saya merasa keluhan pemohon sering kali berlebihan.",
        "I feel applicants' complaints are often exaggerated.",
        True,
    ),
    (
        "lk-kg-01",
        "kepekaan-gender",
        "Saya memperhatikan apakah layanan kami sama mudahnya diakses oleh pemohon "
        "laki-laki dan perempuan.",
        "I check whether our service is as easy to reach for women as for men.",
        False,
    ),
    (
        "lk-kg-02",
        "kepekaan-gender",
        "Menurut saya, urusan perizinan usaha lebih cocok ditangani kepala keluarga "
        "laki-laki.",
        "In my view business licensing is better handled by the male head of the "
        "household.",
        True,
    ),
    (
        "lk-kd-01",
        "kepekaan-disabilitas",
        "Saya tahu cara menawarkan bantuan kepada penyandang disabilitas tanpa "
        "mengambil alih keputusannya.",
        "I know how to offer help to a person with a disability without taking "
        "over their decisions.",
        False,
    ),
    (
        "lk-kd-02",
        "kepekaan-disabilitas",
        "Saya merasa canggung saat harus melayani pemohon penyandang disabilitas.",
        "I feel awkward when I have to serve an applicant with a disability.",
        True,
    ),
]

PERSONALITY = [
    (
        "kp-keterbukaan-01",
        "keterbukaan",
        "Saya senang mencoba cara kerja baru.",
        "I enjoy trying new ways of working.",
        False,
    ),
    (
        "kp-kehati-hatian-01",
        "kehati-hatian",
        "Saya memeriksa ulang berkas sebelum menyerahkannya.",
        "I double-check files before handing them on.",
        False,
    ),
    (
        "kp-ekstraversi-01",
        "ekstraversi",
        "Saya merasa lelah bila harus banyak berbicara dengan orang baru.",
        "Talking a lot with new people tires me out.",
        True,
    ),
    (
        "kp-keramahan-01",
        "keramahan",
        "Saya mudah bekerja sama dengan orang yang berbeda pendapat.",
        "I find it easy to work with people who disagree with me.",
        False,
    ),
    (
        "kp-stabilitas-emosi-01",
        "stabilitas-emosi",
        "Saya mudah tersinggung ketika sedang lelah.",
        "I am easily offended when I am tired.",
        True,
    ),
    (
        "kp-stabilitas-emosi-02",
        "stabilitas-emosi",
        "Saya tetap tenang di bawah tekanan antrean yang panjang.",
        "I stay calm under the pressure of a long queue.",
        False,
    ),
]
