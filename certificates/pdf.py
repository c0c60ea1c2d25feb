"""The certificate PDF (reportlab): who, what, when, how many JP, who issued it,
and a QR code that opens the public verification page. Every value put into
reportlab's paragraph markup is escaped."""

import io
from xml.sax.saxutils import escape

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

QR_SIZE = 38 * mm


def qr_drawing(url: str) -> Drawing:
    widget = QrCodeWidget(url)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0],
    )
    drawing.add(widget)
    drawing.hAlign = "CENTER"
    return drawing


def certificate_pdf(certificate, *, verify_url: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=_("Sertifikat"),
        topMargin=18 * mm,
        bottomMargin=14 * mm,
    )
    base = getSampleStyleSheet()
    centre = ParagraphStyle("centre", parent=base["Normal"], alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=base["Title"], fontSize=26, leading=32)
    name = ParagraphStyle("name", parent=base["Heading1"], alignment=TA_CENTER)
    dates = (
        date_format(certificate.starts_on, "j F Y")
        if certificate.starts_on == certificate.ends_on
        else f"{date_format(certificate.starts_on, 'j F Y')} – "
        f"{date_format(certificate.ends_on, 'j F Y')}"
    )
    story = [
        Paragraph(escape(_("SERTIFIKAT")), title),
        Paragraph(escape(_("diberikan kepada")), centre),
        Spacer(1, 4 * mm),
        Paragraph(escape(certificate.employee.name), name),
        Paragraph(escape(_("atas penyelesaian")), centre),
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{escape(certificate.title)}</b>", centre),
        Paragraph(escape(dates), centre),
        Paragraph(
            escape(
                _("%(jp)s JP (jam pelajaran)")
                % {"jp": number_format(certificate.jp, 2)}
            ),
            centre,
        ),
        Spacer(1, 4 * mm),
        Paragraph(escape(certificate.issuer), centre),
        Spacer(1, 6 * mm),
        qr_drawing(verify_url),
        Paragraph(
            escape(_("Pindai untuk memeriksa keaslian: %(url)s") % {"url": verify_url}),
            ParagraphStyle("small", parent=centre, fontSize=8),
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
