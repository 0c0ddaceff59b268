"""The phone directory as an Excel workbook (Tải danh bạ), for the office: the groups and
columns the page shows, nothing more (what readers see is all it holds)."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Column widths, in characters, by what the columns hold.
WIDTHS = (38, 26, 34, 18, 32)


def directory_workbook(title: str, groups) -> bytes:
    """`groups`: (group label, contacts) as the page lists them."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Directory")[:31]
    headers = [_("Unit or group"), _("Full name"), _("Position"), _("Phone"), _("Email")]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_("As of %(date)s") % {"date": timezone.localdate().strftime("%d/%m/%Y")}])
    sheet.append([])
    sheet.append(headers)
    header_row = sheet.max_row
    fill = PatternFill("solid", fgColor="F2F1EC")
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for label, contacts in groups:
        for contact in contacts:
            sheet.append(
                [
                    label or _("Other contacts"),
                    contact.name,
                    contact.position,
                    contact.phone,
                    contact.email,
                ]
            )
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.number_format = "@"  # phone numbers stay text: 0214… keeps its leading zero
            if cell.data_type == "f":
                cell.data_type = "s"  # typed text that starts with "=" is no formula
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{sheet.max_row}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def directory_response(title: str, groups) -> HttpResponse:
    response = HttpResponse(directory_workbook(title, groups), content_type=XLSX)
    name = f"danh-ba-dien-thoai-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
