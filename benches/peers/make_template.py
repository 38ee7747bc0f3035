"""Builds the docxtpl Word template equivalent to vanban's Kế hoạch: A4 with ND30 margins,
Times New Roman, the two-column header block, title, numbered body, signature table with
Nơi nhận, and a landscape appendix whose task rows repeat with {%tr %}.

    python make_template.py OUT.docx
"""

import sys

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt


def centred(cell_or_doc, text, bold=False, size=13):
    p = cell_or_doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    return p


def main(out):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)

    header = doc.add_table(rows=2, cols=2)
    centred(header.cell(0, 0), "{{ chu_quan }}", size=12)
    centred(header.cell(0, 0), "{{ ten }}", bold=True)
    centred(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    centred(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", bold=True)
    centred(header.cell(1, 0), "{{ so }}")
    centred(header.cell(1, 1), "{{ dia_danh_ngay }}")

    centred(doc, "KẾ HOẠCH", bold=True, size=14)
    centred(doc, "{{ trich_yeu }}", bold=True, size=14)
    doc.add_paragraph("{%p for b in body %}")
    body = doc.add_paragraph("{{ b }}")
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Mm(12.7)
    body.paragraph_format.space_before = Pt(6)
    doc.add_paragraph("{%p endfor %}")

    signature = doc.add_table(rows=1, cols=2)
    recipients = signature.cell(0, 0)
    recipients.add_paragraph("Nơi nhận:").runs[0].bold = True
    recipients.add_paragraph("{%p for r in noi_nhan %}")
    recipients.add_paragraph("{{ r }}")
    recipients.add_paragraph("{%p endfor %}")
    centred(signature.cell(0, 1), "{{ chuc_vu }}", bold=True, size=14)
    centred(signature.cell(0, 1), "{{ ho_ten }}", bold=True, size=14)

    appendix = doc.add_section(WD_SECTION.NEW_PAGE)
    appendix.orientation = WD_ORIENT.LANDSCAPE
    appendix.page_width, appendix.page_height = Mm(297), Mm(210)
    centred(doc, "PHỤ LỤC", bold=True, size=14)
    table = doc.add_table(rows=3, cols=7)
    table.style = "Table Grid"
    headings = ["STT", "Nhiệm vụ", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp",
                "Thời gian hoàn thành", "Kết quả"]
    for i, heading in enumerate(headings):
        table.cell(0, i).paragraphs[0].add_run(heading).bold = True
    table.cell(1, 0).paragraphs[0].add_run("{%tr for t in tasks %}")
    fields = ["stt", "ten", "san_pham", "chu_tri", "phoi_hop", "thoi_han", "ket_qua"]
    for i, field in enumerate(fields):
        table.cell(2, i).paragraphs[0].add_run("{{ t.%s }}" % field)
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv[1])
