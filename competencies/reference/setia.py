"""The SETIA values of DPMPTSP DKI Jakarta (paper, section 1) and the dimensions
of the standard each one is practised through.

The paper names the values and says they are "closely tied" to sociocultural
competence but gives no mapping; the descriptions and links below are this
project's starting point, kept as data that BPSDM edits.
"""

# code, name, English, description, English description, dimension codes
SETIA_VALUES = [
    (
        "solusi",
        "Solusi",
        "Solution",
        "Memberikan jalan keluar atas kebutuhan perizinan dan nonperizinan warga.",
        "Finds a way through residents' permit and non-permit needs.",
        ["jejaring-sosial", "manajemen-konflik"],
    ),
    (
        "empati",
        "Empati",
        "Empathy",
        "Memahami dan peduli pada kebutuhan setiap pemohon, termasuk kelompok rentan.",
        "Understands and cares about every applicant's needs, vulnerable groups "
        "included.",
        ["empati-sosial", "kepekaan-gender", "kepekaan-disabilitas"],
    ),
    (
        "tegas",
        "Tegas",
        "Firm",
        "Menerapkan aturan dan prosedur secara konsisten dan adil kepada semua "
        "pemohon.",
        "Applies rules and procedures consistently and fairly to every applicant.",
        ["keragaman-budaya", "manajemen-konflik"],
    ),
    (
        "inovasi",
        "Inovasi",
        "Innovation",
        "Mencari cara baru agar pelayanan lebih mudah, cepat dan terjangkau.",
        "Looks for new ways to make the service easier, faster and more accessible.",
        ["keragaman-budaya", "jejaring-sosial", "kepekaan-disabilitas"],
    ),
    (
        "andal",
        "Andal",
        "Reliable",
        "Dapat dipercaya: pelayanan tepat waktu, akurat dan sesuai standar.",
        "Dependable: service on time, accurate and to standard.",
        ["jejaring-sosial", "empati-sosial"],
    ),
]
