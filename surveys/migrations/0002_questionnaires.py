"""Reference questionnaires: the nine elements of PermenPANRB 14/2017 (the default)
and DKI's local nine elements as the paper's Table 2 lists them. Both stay editable
in the admin; this only creates what is missing."""

from django.db import migrations

PERMENPANRB = (
    "permenpanrb-14-2017",
    "PermenPANRB 14/2017 (9 unsur)",
    "Sembilan unsur survei kepuasan masyarakat menurut Peraturan Menteri PANRB "
    "Nomor 14 Tahun 2017.",
    True,
    [
        # code, name, linked to sociocultural competence
        ("persyaratan", "Persyaratan", True),
        ("prosedur", "Sistem, Mekanisme, dan Prosedur", False),
        ("waktu", "Waktu Penyelesaian", False),
        ("biaya", "Biaya/Tarif", False),
        ("produk", "Produk Spesifikasi Jenis Pelayanan", False),
        ("kompetensi", "Kompetensi Pelaksana", False),
        ("perilaku", "Perilaku Pelaksana", False),
        ("pengaduan", "Penanganan Pengaduan, Saran dan Masukan", True),
        ("sarana", "Sarana dan Prasarana", False),
    ],
)

DKI = (
    "dki-ptsp",
    "SKM DPMPTSP DKI Jakarta (Tabel 2)",
    "Unsur lokal survei kepuasan masyarakat DPMPTSP Provinsi DKI Jakarta, "
    "sebagaimana Tabel 2 kajian Simangunsong & Sutrisno (2021).",
    False,
    [
        ("biaya", "Kesesuaian biaya", False),
        ("sikap_setia", "Sikap SETIA", False),
        ("kemampuan_petugas", "Kemampuan Petugas", False),
        ("kemudahan_prosedur", "Kemudahan prosedur", False),
        ("kesesuaian_prosedur", "Kesesuaian prosedur", False),
        ("ketepatan_waktu", "Ketepatan waktu", False),
        ("info_pengaduan", "Kecukupan/Keefektifan info/pengaduan", True),
        ("persyaratan", "Kemudahan persyaratan", True),
        ("sarana", "Kualitas sarana dan prasarana", False),
    ],
)


def create_sets(apps, schema_editor):
    ElementSet = apps.get_model("surveys", "ElementSet")
    Element = apps.get_model("surveys", "Element")
    for code, name, description, is_default, elements in (PERMENPANRB, DKI):
        element_set, created = ElementSet.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "description": description,
                "is_default": is_default
                and not ElementSet.objects.filter(is_default=True).exists(),
            },
        )
        if not created:
            continue
        Element.objects.bulk_create(
            Element(
                element_set=element_set,
                code=element_code,
                name=element_name,
                order=order,
                sociocultural=linked,
            )
            for order, (element_code, element_name, linked) in enumerate(
                elements, start=1
            )
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(create_sets, migrations.RunPython.noop)]
