//! Checks every bundled plan and fixture as its readers will: the OOXML validator
//! (openxml-audit), LibreOffice (conversion to PDF and the PDF's text order) and pandoc.
//! A missing tool skips with a visible message, except under VANBAN_REQUIRE_TOOLS=1, which
//! `.ci/run` sets after installing them, so CI always runs these checks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::*;

/// Renders the bundled plans and the good fixtures; returns the folder and the .docx files.
fn render_all() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    for (input, out) in [(repo("plans"), "plans"), (fixture("good"), "fixtures")] {
        let o = vanban(
            dir.path(),
            &["render", input.to_str().unwrap(), "--out", out],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let files = files(dir.path(), "docx");
    assert!(files.len() >= 4, "{files:?}");
    (dir, files)
}

/// What a rendered file shows after the Số line: the type name, or a Công văn's "V/v" line.
fn kind_title(file: &Path) -> &'static str {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with("bao-cao") {
        "BÁO CÁO"
    } else if name.starts_with("cong-van") {
        "V/v "
    } else {
        "KẾ HOẠCH"
    }
}

/// A Phụ lục issued as a file of its own (Mẫu 2.2): it starts with "Phụ lục", its title and
/// the "(Kèm theo …)" line, and has no header block, type name or Nơi nhận.
fn is_appendix_file(file: &Path) -> bool {
    file.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("phu-luc"))
}

/// Checks the text of a Phụ lục file: its heading lines in order, no header block.
fn reads_as_appendix_file(file: &Path, text: &str) {
    in_order(text, &["Phụ lục", "(Kèm theo ", " số ", " ngày "]);
    assert!(
        !text.contains("CỘNG HÒA") && !text.contains("Nơi nhận"),
        "{}: a Phụ lục file has no header block or Nơi nhận:\n{text}",
        file.display()
    );
}

/// Runs a command with a time limit; a hung converter fails the test instead of CI.
fn run(mut command: Command, limit: Duration) -> std::process::Output {
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("{command:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn openxml_audit_finds_nothing() {
    let Some(audit) = find("openxml_audit_finds_nothing", "openxml-audit") else {
        return;
    };
    let (_dir, files) = render_all();
    for file in files {
        let out = run(
            {
                let mut c = Command::new(&audit);
                c.arg(&file);
                c
            },
            Duration::from_secs(120),
        );
        let text = format!("{}{}", stdout(&out), stderr(&out));
        assert!(
            out.status.success() && text.contains("Errors: 0"),
            "{}:\n{text}",
            file.display()
        );
        assert!(text.contains("no findings"), "{}:\n{text}", file.display());
    }
}

fn to_pdf(soffice: &Path, docx: &Path, out: &Path) -> PathBuf {
    let profile = out.join("lo-profile");
    let mut c = Command::new(soffice);
    c.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--convert-to", "pdf", "--outdir"])
    .arg(out)
    .arg(docx);
    let o = run(c, Duration::from_secs(180));
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let pdf = out.join(docx.file_stem().unwrap()).with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice wrote no PDF for {}",
        docx.display()
    );
    pdf
}

/// The PDF's text with its physical layout kept, so "on the same line" can be checked.
fn pdf_text(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(o.status.success());
    String::from_utf8(o.stdout).unwrap()
}

/// Each step's fragments must share one line, and the steps' lines must come in order.
fn lines_in_order(text: &str, steps: &[&[&str]]) {
    let lines: Vec<&str> = text.lines().collect();
    let mut from = 0;
    for step in steps {
        let found = lines[from..]
            .iter()
            .position(|l| step.iter().all(|f| l.contains(f)));
        let found =
            found.unwrap_or_else(|| panic!("no line with {step:?} after line {from} in:\n{text}"));
        from += found + 1;
    }
}

fn in_order(text: &str, parts: &[&str]) {
    let mut at = 0;
    for part in parts {
        let found = text[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing or out of order in:\n{text}"));
        at += found + part.len();
    }
}

#[test]
fn libreoffice_converts_every_plan_and_the_text_reads_in_order() {
    let Some(soffice) = find("libreoffice_converts_every_plan", "soffice") else {
        return;
    };
    if find("libreoffice_converts_every_plan", "pdftotext").is_none() {
        return;
    }
    let (dir, files) = render_all();
    let out = dir.path().join("pdf");
    for file in &files {
        let text = pdf_text(&to_pdf(&soffice, file, &out));
        if is_appendix_file(file) {
            reads_as_appendix_file(file, &text);
            continue;
        }
        let kind = kind_title(file);
        lines_in_order(
            &text,
            &[
                &["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                &["Độc lập - Tự do - Hạnh phúc"],
                // ô 3 and ô 4 share a line.
                &["Số:", "ngày", "tháng", "năm"],
                &[kind],
                // Nơi nhận is level with the signer's first line.
                &["Nơi nhận:"],
                &["- Lưu: "],
            ],
        );
    }
    let plan = files
        .iter()
        .find(|f| f.ends_with("so-noi-vu/ke-hoach-khac-phuc-cchc-2018.docx"))
        .expect("seed 001 plan");
    let text = pdf_text(&to_pdf(&soffice, plan, &out));
    lines_in_order(
        &text,
        &[
            &["UBND TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            &["SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"],
            &["Số:", "/KH-SNV", "Hà Tĩnh, ngày", "năm 2019"],
            &["KẾ HOẠCH"],
            &["Khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính năm 2018"],
            &["I. MỤC ĐÍCH, YÊU CẦU"],
            &["Tổng cộng", "100", "94,11", "-5,89"],
            &["a) Công tác chỉ đạo điều hành cải cách hành chính"],
            &["III. TỔ CHỨC THỰC HIỆN"],
            &["Nơi nhận:", "GIÁM ĐỐC"],
            &["- Lưu: VT, VP, TA10b."],
            &["Nguyễn Minh Hòa"],
        ],
    );
    // The Quốc hiệu fits on one line of the header's right column.
    assert!(
        text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "Quốc hiệu wrapped:\n{text}"
    );
}

/// Page sizes in points as pdfinfo reports them, one per page.
fn page_sizes(pdf: &Path) -> Vec<String> {
    let o = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            l.split(" size:")
                .nth(1)
                .unwrap()
                .split("pts")
                .next()
                .unwrap()
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn the_task_appendix_prints_landscape_after_the_portrait_plan() {
    let test = "the_task_appendix_prints_landscape";
    let Some(soffice) = find(test, "soffice") else {
        return;
    };
    if find(test, "pdfinfo").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_d, docx) = render(&repo("plans/so-cong-thuong/ke-hoach-cchc-2021.toml"));
    let pdf = to_pdf(&soffice, &docx, dir.path());
    let sizes = page_sizes(&pdf);
    let first_landscape = sizes
        .iter()
        .position(|s| s.starts_with("841") || s.starts_with("842"))
        .expect("a landscape page");
    assert!(
        first_landscape > 0
            && sizes[..first_landscape]
                .iter()
                .all(|s| s.starts_with("595")),
        "{sizes:?}"
    );
    assert!(
        sizes[first_landscape..]
            .iter()
            .all(|s| s.starts_with("841") || s.starts_with("842")),
        "{sizes:?}"
    );
    let text = pdf_text(&pdf);
    lines_in_order(
        &text,
        &[
            &["Nơi nhận:", "GIÁM ĐỐC"],
            &["Phụ lục"],
            &["KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2021"],
            &[
                "(Kèm theo Kế hoạch số",
                "/KH-SCT ngày 31 tháng 12 năm 2020 của Sở Công Thương)",
            ],
            &["STT", "Nhiệm vụ", "Sản phẩm"],
            &["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"],
            // The seed numbers 33 twice; vanban numbers its 46 tasks once each.
            &["34", "Thực hiện công khai tài chính"],
            &["46", "Thực hiện giải quyết hồ sơ"],
        ],
    );
}

#[test]
fn pandoc_reads_the_documents_back() {
    let Some(pandoc) = find("pandoc_reads_the_documents_back", "pandoc") else {
        return;
    };
    let (_dir, files) = render_all();
    for file in files {
        let o = Command::new(&pandoc)
            .args(["-f", "docx", "-t", "plain", "--wrap=none"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}: {}", file.display(), stderr(&o));
        let text = String::from_utf8(o.stdout).unwrap();
        if is_appendix_file(&file) {
            reads_as_appendix_file(&file, &text);
            continue;
        }
        in_order(
            &text,
            &[
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                kind_title(&file),
                "Nơi nhận:",
            ],
        );
    }
}
