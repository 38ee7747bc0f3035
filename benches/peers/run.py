"""Whole-process benchmark of vanban against docxtpl and pandoc on the same content, every
figure measured in this run. Called by scripts/bench, which builds vanban and the venv.

    python run.py VANBAN_BINARY WORK_DIR [--batch N] [--repeat N]

Scenarios (median wall time of --repeat runs; peak memory from /usr/bin/time -v):
  single   the bundled seed-004 plan (Kế hoạch with its 46-task appendix), one process each
  batch    N copies of that plan: vanban on the folder; docxtpl in one Python process
  rows     appendices of 1,000 and 10,000 rows, one process each
"""

import argparse
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEED_004 = REPO / "plans/so-cong-thuong/ke-hoach-cchc-2021.toml"
PYTHON = sys.executable


def task_plan(groups, tasks):
    """Same record as benches/generated.rs: groups × tasks tasks like seed 004's."""
    parts = [
        'loai = "ke-hoach"\nnam = 2022\ntrich_yeu = "Bảng lớn"\nmo_dau = ["Mở đầu."]\n'
        '[co_quan]\nten = "Sở Nội vụ"\nviet_tat = "SNV"\ndia_danh = "Hà Tĩnh"\n'
        '[nguoi_ky]\nchuc_vu = "Giám đốc"\nho_ten = "Nguyễn Văn A"\n'
        '[noi_nhan]\nluu = "VT"\n'
        '[[phu_luc]]\ntieu_de = "Nhiệm vụ"\nmau = "nhiem-vu"\n'
    ]
    for g in range(groups):
        parts.append(f'[[nhom]]\nten = "Nhóm {g}"\n')
        for t in range(tasks):
            parts.append(
                f'[[nhom.nhiem_vu]]\nten = "Nhiệm vụ {g}.{t}"\nsan_pham = ["Báo cáo"]\n'
                'chu_tri = "Văn phòng"\nthoi_han = "Quý I/2022"\n'
            )
    return "".join(parts)


def wall(command, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(command):
    result = subprocess.run(["/usr/bin/time", "-v", *command], check=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return int(kb.group(1)) / 1024 if kb else float("nan")


def measure(label, tool, command, repeat, rows):
    seconds = wall(command, repeat)
    memory = peak_mb(command)
    rows.append((label, tool, seconds, memory))
    print(f"  {label:<10} {tool:<8} {seconds:9.3f} s  {memory:8.1f} MB", flush=True)
    return seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("vanban")
    parser.add_argument("work")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    template = work / "template.docx"
    subprocess.run([PYTHON, HERE / "make_template.py", template], check=True)
    docxtpl = [PYTHON, str(HERE / "docxtpl_render.py"), str(template)]

    def vanban(source, out):
        return [args.vanban, "render", str(source), "--out", str(work / out), "--force", "-q"]

    def pandoc(record, name):
        markdown = work / f"{name}.md"
        subprocess.run([PYTHON, HERE / "to_markdown.py", record, markdown], check=True)
        return ["pandoc", str(markdown), "-o", str(work / f"{name}-pandoc.docx")]

    rows = []
    print(f"median of {args.repeat} runs (batch and 10,000 rows: fewer), peak RSS")
    single = {
        tool: measure("single", tool, command, args.repeat, rows)
        for tool, command in [
            ("vanban", vanban(SEED_004, "single")),
            ("docxtpl", [*docxtpl, str(SEED_004), str(work / "single-docxtpl.docx")]),
            ("pandoc", pandoc(SEED_004, "single")),
        ]
    }

    batch = work / "batch"
    batch.mkdir()
    text = SEED_004.read_text(encoding="utf-8")
    for i in range(args.batch):
        copy = text.replace('trich_yeu = "', f'trich_yeu = "Bản {i + 1}: ', 1)
        (batch / f"ke-hoach-{i + 1:04}.toml").write_text(copy, encoding="utf-8")
    batch_times = {
        "vanban": measure("batch", "vanban", vanban(batch, "batch-out"), 3, rows),
        "docxtpl": measure("batch", "docxtpl", [*docxtpl, str(batch), str(work / "batch-docxtpl")],
                           1, rows),
    }

    row_times = {}
    for count in (1000, 10000):
        record = work / f"rows-{count}.toml"
        record.write_text(task_plan(count // 100, 100), encoding="utf-8")
        repeat = args.repeat if count == 1000 else 2
        row_times[count] = {
            "vanban": measure(f"rows-{count}", "vanban", vanban(record, f"rows-{count}"), repeat, rows),
            "docxtpl": measure(f"rows-{count}", "docxtpl",
                               [*docxtpl, str(record), str(work / f"rows-{count}-docxtpl.docx")], 1, rows),
            "pandoc": measure(f"rows-{count}", "pandoc", pandoc(record, f"rows-{count}"), 1, rows),
        }

    print("\nratios (peer time / vanban time, same run):")
    print(f"  single plan:   docxtpl {single['docxtpl'] / single['vanban']:6.1f}x   "
          f"pandoc {single['pandoc'] / single['vanban']:6.1f}x")
    print(f"  {args.batch} plans:    docxtpl {batch_times['docxtpl'] / batch_times['vanban']:6.1f}x   "
          f"vanban {batch_times['vanban']:.2f} s = {batch_times['vanban'] / single['vanban']:.1f} single runs")
    for count, t in row_times.items():
        print(f"  {count:>5} rows:    docxtpl {t['docxtpl'] / t['vanban']:6.1f}x   "
              f"pandoc {t['pandoc'] / t['vanban']:6.1f}x")
    growth = row_times[10000]["vanban"] / row_times[1000]["vanban"]
    print(f"  10,000 / 1,000 rows, vanban: {growth:.1f}x the time for 10x the rows")
    peak = max(m for label, tool, _, m in rows if label == "rows-10000" and tool == "vanban")
    print(f"  peak memory, 10,000-row appendix: {peak:.1f} MB")


if __name__ == "__main__":
    main()
