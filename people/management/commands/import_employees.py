from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from people.importing import EmployeeImportError, employees_import


class Command(BaseCommand):
    help = (
        "Import employees from a CSV or XLSX file (all or nothing). Columns: nama, "
        "nip, unit, jabatan, status, jenis_kelamin, tanggal_penempatan, aktif, email."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {file}")
        try:
            report = employees_import(filename=file.name, content=file.read_bytes())
        except EmployeeImportError as exc:
            for row, message in exc.errors:
                where = f"baris {row}: " if row else ""
                self.stderr.write(f"{where}{message}")
            raise CommandError(
                f"{len(exc.errors)} kesalahan; tidak ada data yang disimpan."
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.created} pegawai dibuat, {report.updated} diperbarui."
            )
        )
