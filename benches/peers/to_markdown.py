"""Writes a plan record as Markdown for pandoc, the other peer: the same content, with the
appendix as a pipe table. Run outside the timed region; only `pandoc in.md -o out.docx` is
timed.

    python to_markdown.py RECORD.toml OUT.md
"""

import sys

import content


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def main(record_path, out):
    c = content.context(content.load(record_path))
    lines = [c["chu_quan"], "", f"**{c['ten']}**", "", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
             "", c["so"], "", f"*{c['dia_danh_ngay']}*", "", "**KẾ HOẠCH**", "",
             f"**{c['trich_yeu']}**", ""]
    for paragraph in c["body"]:
        lines += [paragraph.replace("\n", " "), ""]
    lines += ["**Nơi nhận:**", ""] + [f"{r}  " for r in c["noi_nhan"]]
    lines += ["", f"**{c['chuc_vu']}**", "", f"**{c['ho_ten']}**", "", "**PHỤ LỤC**", ""]
    lines.append("| STT | Nhiệm vụ | Sản phẩm | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Kết quả |")
    lines.append("|---|---|---|---|---|---|---|")
    for t in c["tasks"]:
        if t["group"]:
            lines.append(f"| **{t['stt']}** | **{cell(t['ten'])}** | | | | | |")
        else:
            values = [t[k] for k in ("stt", "ten", "san_pham", "chu_tri", "phoi_hop", "thoi_han", "ket_qua")]
            lines.append("| " + " | ".join(cell(v) for v in values) + " |")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
