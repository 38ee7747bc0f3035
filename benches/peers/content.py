"""The content of a vanban plan record, flattened the way a docxtpl or pandoc user would do it
by hand: header fields, numbered body paragraphs, signer, recipients, appendix task rows.

Shared by the docxtpl renderer and the Markdown writer so that both peers render the same
content vanban renders from the same TOML file.
"""

import tomllib

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def _blocks(items):
    for item in items:
        if isinstance(item, str):
            yield item
        else:
            for mark, text in item.items():
                yield f"{'-' if mark == '-' else '+'} {text}" if mark in "-+" else text


def body(record):
    """Body paragraphs with ND30 numbering typed in: I. → 1. → a)."""
    out = list(_blocks(record.get("mo_dau", [])))
    for i, section in enumerate(record.get("phan", [])):
        out.append(f"{ROMAN[i]}. {section.get('tieu_de', '').upper()}")
        out.extend(_blocks(section.get("noi_dung", [])))
        for j, sub in enumerate(section.get("muc", []), 1):
            out.append(f"{j}. {sub.get('tieu_de', '')}")
            out.extend(_blocks(sub.get("noi_dung", [])))
            for k, point in enumerate(sub.get("muc", [])):
                out.append(f"{chr(ord('a') + k)}) {point.get('tieu_de', '')}")
                out.extend(_blocks(point.get("noi_dung", [])))
    out.extend(_blocks(record.get("ket_thuc", [])))
    return out


def tasks(record):
    """Appendix rows: roman group rows, then tasks numbered continuously."""
    rows, n = [], 0
    for g, group in enumerate(record.get("nhom", [])):
        rows.append({"stt": ROMAN[g % len(ROMAN)], "ten": group["ten"].upper(), "group": True})
        for task in group.get("nhiem_vu", []):
            n += 1
            rows.append({
                "stt": str(n),
                "ten": task.get("ten", ""),
                "san_pham": "; ".join(task.get("san_pham", [])),
                "chu_tri": task.get("chu_tri", ""),
                "phoi_hop": task.get("phoi_hop", ""),
                "thoi_han": task.get("thoi_han", ""),
                "ket_qua": task.get("ket_qua", ""),
                "group": False,
            })
    return rows


def context(record):
    issuer = record["co_quan"]
    date = record.get("ngay")
    date_line = (
        f"{issuer['dia_danh']}, ngày {date.day:02d} tháng {date.month} năm {date.year}"
        if date else f"{issuer['dia_danh']}, ngày      tháng      năm {record.get('nam', '')}"
    )
    return {
        "chu_quan": issuer.get("chu_quan", "").upper(),
        "ten": issuer["ten"].upper(),
        "so": f"Số: {record.get('so', '     ')}/KH-{issuer['viet_tat']}",
        "dia_danh_ngay": date_line,
        "trich_yeu": record["trich_yeu"],
        "body": body(record),
        "noi_nhan": [f"- {r};" for r in record["noi_nhan"].get("gui", [])]
        + [f"- Lưu: {record['noi_nhan']['luu']}."],
        "chuc_vu": record["nguoi_ky"]["chuc_vu"].upper(),
        "ho_ten": record["nguoi_ky"]["ho_ten"],
        "tasks": tasks(record),
    }
