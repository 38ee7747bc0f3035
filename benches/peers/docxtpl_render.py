"""docxtpl, the peer most agencies' scripts use: renders plan records through a Word template.

    python docxtpl_render.py TEMPLATE.docx RECORD.toml OUT.docx
    python docxtpl_render.py TEMPLATE.docx RECORDS_DIR OUT_DIR    (every *.toml, one process)
"""

import pathlib
import sys

from docxtpl import DocxTemplate

import content


def render(template, record_path, out_path):
    doc = DocxTemplate(template)
    doc.render(content.context(content.load(record_path)))
    doc.save(out_path)


def main(template, source, target):
    source, target = pathlib.Path(source), pathlib.Path(target)
    if source.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        for record in sorted(source.glob("*.toml")):
            render(template, record, target / (record.stem + ".docx"))
    else:
        render(template, source, target)


if __name__ == "__main__":
    main(*sys.argv[1:4])
