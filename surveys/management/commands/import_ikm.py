from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from people.models import Unit
from sosiokultural.periods import parse_period
from surveys.models import ElementSet
from surveys.selectors import survey_result
from surveys.services import SurveyExists, SurveyImportError, survey_import_responses


class Command(BaseCommand):
    help = (
        "Import IKM survey responses of one unit and quarter from CSV or XLSX (all or "
        "nothing): one row per respondent, one column per element (header = element "
        "code or U1–U9), answers 1–4."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--unit", required=True, help="unit code, e.g. JB-KMB")
        parser.add_argument("--period", required=True, help="quarter, e.g. 2018Q4")
        parser.add_argument(
            "--set", dest="set_code", help="questionnaire code (default: the default)"
        )
        parser.add_argument(
            "--population", type=int, help="applicants in the period (sample check)"
        )
        parser.add_argument(
            "--replace", action="store_true", help="replace the period if it exists"
        )

    def handle(
        self, *args, file: Path, unit, period, set_code, population, replace, **options
    ):
        if not file.is_file():
            raise CommandError(_("Berkas tidak ditemukan: %(file)s") % {"file": file})
        try:
            parsed_period = parse_period(period)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        unit_obj = Unit.objects.filter(code=unit).first()
        if unit_obj is None:
            raise CommandError(_("Unit '%(code)s' tidak dikenal.") % {"code": unit})
        element_set = None
        if set_code:
            element_set = ElementSet.objects.filter(code=set_code).first()
            if element_set is None:
                raise CommandError(
                    _("Kuesioner '%(code)s' tidak dikenal.") % {"code": set_code}
                )
        try:
            survey = survey_import_responses(
                unit=unit_obj,
                period=parsed_period,
                filename=file.name,
                content=file.read_bytes(),
                element_set=element_set,
                replace=replace,
                population=population,
            )
        except SurveyImportError as exc:
            for row, message in exc.errors:
                where = _("baris %(row)s: ") % {"row": row} if row else ""
                self.stderr.write(f"{where}{message}")
            raise CommandError(
                _("%(n)s kesalahan; tidak ada data yang disimpan.")
                % {"n": len(exc.errors)}
            ) from exc
        except SurveyExists as exc:
            raise CommandError(
                _(
                    "Data IKM %(unit)s periode %(period)s sudah ada; tidak ada yang "
                    "disimpan. Gunakan --replace untuk menggantinya."
                )
                % {"unit": unit_obj.code, "period": parsed_period}
            ) from exc
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self._report(survey)

    def _report(self, survey):
        result = survey_result(survey)
        write = self.stdout.write
        write(
            _("%(unit)s %(period)s, kuesioner %(set)s")
            % {
                "unit": survey.unit.code,
                "period": survey.period,
                "set": survey.element_set.code,
            }
        )
        write(_("Responden: %(n)s") % {"n": result.respondents})
        write(_("NRR per unsur:"))
        for row in result.elements:
            write(
                f"  {row.element.code:<22} NRR {row.nrr_display}  "
                f"({row.score})  {row.element.name}"
            )
        write(
            self.style.SUCCESS(
                _("IKM: %(ikm)s, mutu %(letter)s (%(label)s)")
                % {
                    "ikm": result.ikm,
                    "letter": result.grade.letter,
                    "label": result.grade.label,
                }
            )
        )
        sample = result.sample
        if sample is None:
            return
        if sample.short:
            write(
                self.style.WARNING(
                    _(
                        "Peringatan: %(n)s responden, kurang dari sampel minimum "
                        "%(min)s (Krejcie–Morgan) untuk populasi %(pop)s."
                    )
                    % {
                        "n": sample.respondents,
                        "min": sample.minimum,
                        "pop": sample.population,
                    }
                )
            )
        else:
            write(
                _(
                    "Sampel cukup: %(n)s responden, minimum %(min)s (Krejcie–Morgan) "
                    "untuk populasi %(pop)s."
                )
                % {
                    "n": sample.respondents,
                    "min": sample.minimum,
                    "pop": sample.population,
                }
            )
