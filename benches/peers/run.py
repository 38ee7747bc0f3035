"""Whole-process benchmark of vanban against docxtpl, pandoc and the floors (`cp` of the
finished file, `vanban --version`), every figure measured in this run. Called by scripts/bench,
which builds vanban and the venv.

    python run.py VANBAN WORK_DIR [--batch N] [--repeat N] [--baseline OTHER_VANBAN] [--quick]

Commands compared with each other are run in turn (a, b, c, a, b, c, ...) and their medians
compared, so that a machine whose speed drifts during the run moves them alike. Peak memory is
from /usr/bin/time -v. One section per target of the speed issue:

  1 single    the bundled seed-004 plan (Kế hoạch, 46-task appendix), one process, --force
  2 batch     N copies of it: vanban -j 1 and -j 2; docxtpl in one Python process
  3 rows      appendices of 1,000, 10,000 and 100,000 rows
  4 no-op     the batch again unchanged; `vanban check` of it
  5 pdf       --pdf of the bundled plans: one LibreOffice for the run, profile kept (if installed)
  6 output    the same bytes from -j 1 and -j 2 and from two runs; the bundled plans' sizes

--baseline adds another vanban build (say, the previous release) to the timed comparisons.
--quick runs fewer repeats and a smaller docxtpl batch, to try the script.
"""

import argparse
import filecmp
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
PLANS = REPO / "plans"
SEED_004 = PLANS / "so-cong-thuong/ke-hoach-cchc-2021.toml"
PYTHON = sys.executable


def task_plan(groups, tasks, compact=False):
    """Same record as benches/generated.rs: groups × tasks tasks like seed 004's. `compact`
    tasks carry only a name, a lead unit and a deadline, so that 100,000 of them fit in a
    record of under 8 MiB, the most vanban reads."""
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
            if compact:
                parts.append(f'[[nhom.nhiem_vu]]\nten = "Việc {g}.{t}"\nchu_tri = "VP"\n'
                             'thoi_han = "Quý I"\n')
            else:
                parts.append(
                    f'[[nhom.nhiem_vu]]\nten = "Nhiệm vụ {g}.{t}"\nsan_pham = ["Báo cáo"]\n'
                    'chu_tri = "Văn phòng"\nthoi_han = "Quý I/2022"\n'
                )
    return "".join(parts)


def run(command, env=None):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)


def turns(commands, repeat, env=None):
    """Median wall time of each named command, the commands run in turn `repeat` times."""
    times = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            run(command, env)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def peak_mb(command, env=None):
    result = subprocess.run(["/usr/bin/time", "-v", *command], check=True, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    kb = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return int(kb.group(1)) / 1024 if kb else float("nan")


def show(label, seconds, memory=None, note=""):
    mem = f"{memory:7.1f} MB" if memory is not None else " " * 10
    print(f"  {label:<34} {seconds * 1000:10.1f} ms {mem}  {note}", flush=True)


def verdict(ok):
    return "met" if ok else "NOT met"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("vanban")
    parser.add_argument("work")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 2 if args.quick else args.repeat
    work = pathlib.Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # The LibreOffice profile --pdf keeps goes into the work folder, not the user's cache.
    env = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"))
    template = work / "template.docx"
    subprocess.run([PYTHON, HERE / "make_template.py", template], check=True)
    docxtpl = [PYTHON, str(HERE / "docxtpl_render.py"), str(template)]
    builds = {"vanban": args.vanban}
    if args.baseline:
        builds["baseline"] = args.baseline

    def render(binary, source, out, *extra):
        return [binary, "render", str(source), "--out", str(work / out), "-q", *extra]

    def pandoc(record, name):
        markdown = work / f"{name}.md"
        subprocess.run([PYTHON, HERE / "to_markdown.py", record, markdown], check=True)
        return ["pandoc", str(markdown), "-o", str(work / f"{name}-pandoc.docx")]

    print("\n1. One document, whole process (seed-004 plan, --force); target: 35x docxtpl, aim 50x")
    run(render(args.vanban, SEED_004, "single", "--force"))
    finished = work / "single" / "ke-hoach-cchc-2021.docx"
    commands = {name: render(b, SEED_004, f"single-{name}", "--force") for name, b in builds.items()}
    commands |= {
        "docxtpl": [*docxtpl, str(SEED_004), str(work / "single-docxtpl.docx")],
        "pandoc": pandoc(SEED_004, "single"),
        "cp of the .docx": ["cp", str(finished), str(work / "copy.docx")],
        "vanban --version": [args.vanban, "--version"],
    }
    single = turns(commands, repeat * 3)
    for name, seconds in single.items():
        show(name, seconds, peak_mb(commands[name]),
             f"{single['docxtpl'] / seconds:6.1f}x faster than docxtpl")
    ratio = single["docxtpl"] / single["vanban"]
    print(f"  => vanban {ratio:.1f}x docxtpl ({verdict(ratio >= 35)}); "
          f"cp {single['docxtpl'] / single['cp of the .docx']:.1f}x, "
          f"--version {single['docxtpl'] / single['vanban --version']:.1f}x are the floors")

    batch = work / "batch"
    batch.mkdir()
    text = SEED_004.read_text(encoding="utf-8")
    for i in range(args.batch):
        copy = text.replace('trich_yeu = "', f'trich_yeu = "Bản {i + 1}: ', 1)
        (batch / f"ke-hoach-{i + 1:04}.toml").write_text(copy, encoding="utf-8")
    print(f"\n2. {args.batch} plans, --force; target: under 1 s on 2 cores, scaling with cores "
          f"({os.cpu_count()} here)")
    commands = {f"{name} -j {j}": render(b, batch, f"batch-{name}-j{j}", "--force", "-j", str(j))
                for name, b in builds.items() for j in (1, 2)}
    times = turns(commands, max(2, repeat // 2))
    for name, seconds in times.items():
        show(name, seconds, peak_mb(commands[name]))
    docxtpl_batch = min(args.batch, 100) if args.quick else args.batch
    subset = work / "batch-docxtpl-in"
    subset.mkdir()
    for record in sorted(batch.glob("*.toml"))[:docxtpl_batch]:
        shutil.copy(record, subset)
    start = time.perf_counter()
    run([*docxtpl, str(subset), str(work / "batch-docxtpl")])
    per_document = (time.perf_counter() - start) / docxtpl_batch
    j1, j2 = times["vanban -j 1"], times["vanban -j 2"]
    show(f"docxtpl, {docxtpl_batch} in one process", per_document * docxtpl_batch,
         note=f"{per_document * 1000:.1f} ms per document, warm")
    print(f"  => vanban -j 2 {j2:.2f} s ({verdict(j2 < 1)}), {per_document * args.batch / j2:.1f}x "
          f"docxtpl's warm per-document cost; -j 1 / -j 2 = {j1 / j2:.2f}x")
    if args.baseline:
        print(f"     baseline -j 2 / vanban -j 2 = {times['baseline -j 2'] / j2:.2f}x")

    print("\n3. Appendix rows, --force; target: 10,000 rows under 0.15 s and 40 MB, memory per row flat")
    rows = {}
    for count, compact in ((1000, False), (10000, False), (10000, True), (100000, True)):
        name = f"rows-{count}" + ("-compact" if compact else "")
        record = work / f"{name}.toml"
        record.write_text(task_plan(count // 100, 100, compact), encoding="utf-8")
        commands = {n: render(b, record, f"{name}-{n}", "--force") for n, b in builds.items()}
        if not compact:
            commands["docxtpl"] = [*docxtpl, str(record), str(work / f"{name}-docxtpl.docx")]
            commands["pandoc"] = pandoc(record, name)
        # The 10,000-row record is the target's: as many turns as the single document, so its
        # median holds on a noisy machine; the others fewer, the 100,000 rows once.
        turns_of = {100000: 1, 10000: repeat}.get(count, max(2, repeat // 2))
        times = turns(commands, turns_of)
        for n, seconds in times.items():
            memory = peak_mb(commands[n])
            rows[(name, n)] = (seconds, memory)
            note = (f"{times['docxtpl'] / seconds:6.1f}x faster than docxtpl"
                    if "docxtpl" in times else "")
            show(f"{name} {n}", seconds, memory, note)
    t10, m10 = rows[("rows-10000", "vanban")]
    c10, c100 = rows[("rows-10000-compact", "vanban")], rows[("rows-100000-compact", "vanban")]
    per_row = (c100[1] - c10[1]) * 1024 / 90000
    print(f"  => 10,000 rows {t10:.3f} s, {m10:.1f} MB ({verdict(t10 < 0.15 and m10 < 40)}); "
          f"100,000 rows {c100[0]:.2f} s, {c100[1]:.0f} MB: {per_row:.2f} KB per row from "
          f"10,000 to 100,000 (the compact tasks), {c10[1] * 1024 / 10000:.2f} KB per row at 10,000")

    print(f"\n4. {args.batch} unchanged plans; target: no-op render under 0.1 s, check well under "
          "a forced render")
    commands = {}
    for name, b in builds.items():
        out = f"noop-{name}"
        run(render(b, batch, out))
        commands[f"{name} render, unchanged"] = render(b, batch, out)
        commands[f"{name} check"] = [b, "check", str(batch)]
    commands["vanban render --force"] = render(args.vanban, batch, "noop-vanban", "--force")
    times = turns(commands, max(2, repeat // 2))
    for name, seconds in times.items():
        show(name, seconds, peak_mb(commands[name]))
    noop = times["vanban render, unchanged"]
    forced = times["vanban render --force"]
    print(f"  => no-op {noop:.3f} s ({verdict(noop < 0.1)}); check = "
          f"{times['vanban check'] / forced:.2f} of a forced render")

    print("\n5. --pdf of the bundled plans: one LibreOffice per run, profile kept between runs")
    if shutil.which("soffice") or shutil.which("libreoffice"):
        run(render(args.vanban, PLANS, "pdf-none", "--force"), env)
        outputs = list((work / "pdf-none").glob("**/*.docx"))
        documents, folders = len(outputs), len({p.parent for p in outputs})
        commands = {}
        for name, b in builds.items():
            commands[f"{name} --pdf"] = render(b, PLANS, f"pdf-{name}", "--force", "--pdf")
        commands["vanban without --pdf"] = render(args.vanban, PLANS, "pdf-none", "--force")
        start = time.perf_counter()
        run(commands["vanban --pdf"], dict(env, XDG_CACHE_HOME=str(work / "cache-cold")))
        cold = time.perf_counter() - start
        times = turns(commands, 2, env)
        for name, seconds in times.items():
            show(name, seconds)
        show("vanban --pdf, first run (new profile)", cold)
        cost = (times["vanban --pdf"] - times["vanban without --pdf"]) / documents
        print(f"  => {documents} documents in {folders} folders: {cost:.2f} s of PDF per document, "
              "one LibreOffice start included")
        if args.baseline:
            base = (times["baseline --pdf"] - times["vanban without --pdf"]) / documents
            print(f"     baseline {base:.2f} s per document")
    else:
        print("  LibreOffice is not installed: skipped")

    print("\n6. Output: the same bytes run to run and across thread counts; the bundled plans' sizes")
    one, two = work / "batch-vanban-j1", work / "batch-vanban-j2"
    run(render(args.vanban, batch, "batch-vanban-j1", "--force", "-j", "1"))
    same = all(filecmp.cmp(p, two / p.name, shallow=False) for p in one.glob("*.docx"))
    print(f"  -j 1 and -j 2: {'identical' if same else 'DIFFERENT'} "
          f"({len(list(one.glob('*.docx')))} files)")
    for name, b in builds.items():
        out = work / f"sizes-{name}"
        run(render(b, PLANS, f"sizes-{name}", "--force"))
        sizes = sorted((p.relative_to(out), p.stat().st_size) for p in out.glob("**/*.docx"))
        print(f"  {name}: " + ", ".join(f"{p.name} {s:,} B" for p, s in sizes))


if __name__ == "__main__":
    main()
