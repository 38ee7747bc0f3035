//! `render --pdf` where it used to go wrong: a temporary folder whose path has a space or an
//! accent (LibreOffice waited 300 s on the profile URL), temporary folders left behind by an
//! interrupted run, and a summary that counted no PDF after writing several; the profile kept
//! in the cache folder between runs, and made anew when a killed run left it locked; and
//! `--pdf-a`, checked by the PDF's own PDF/A identification, pdffonts and its text layer.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// The LibreOffice profile kept between runs, under the cache folder `render_pdf` gives.
fn kept_profile(dir: &Path) -> PathBuf {
    dir.join("cache/vanban/libreoffice")
}

/// `vanban render RECORDS --out out --pdf` in `dir`, with its temporary files in `temp` and
/// its cache folder in `dir/cache`.
fn render_pdf(dir: &Path, temp: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("TMPDIR", temp)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .args(["render"])
        .args([fixture("good/march.toml"), fixture("good/ubnd-xa.toml")])
        .args(["--out", "out", "--pdf"])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Waits for `child`, failing the test (and stopping it) after `limit`.
fn finish(mut child: Child, limit: Duration) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("vanban render --pdf still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

fn entries(folder: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

/// Staging folders beside the outputs (`.vanban-pdf-…`).
fn staging(out: &Path) -> Vec<PathBuf> {
    entries(out)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".vanban-pdf")
        })
        .collect()
}

#[test]
fn pdfs_are_made_with_a_space_in_the_temporary_folder_and_counted() {
    let test = "pdfs_are_made_with_a_space_in_the_temporary_folder";
    if find(test, "soffice").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let temp = dir.path().join("Thư mục tạm có dấu cách");
    std::fs::create_dir(&temp).unwrap();
    let out = dir.path().join("out");

    let first = finish(
        render_pdf(dir.path(), &temp).spawn().unwrap(),
        Duration::from_secs(120),
    );
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(out.join("march.pdf").is_file() && out.join("ubnd-xa.pdf").is_file());
    assert_contains(
        &stdout(&first),
        "2 written, 0 unchanged, 0 failed, 2 PDFs written in",
    );
    assert_eq!(entries(&temp), Vec::<PathBuf>::new(), "profile left behind");
    assert_eq!(
        staging(&out),
        Vec::<PathBuf>::new(),
        "staging folder left behind"
    );
    assert!(
        kept_profile(dir.path()).join("user").is_dir(),
        "profile not kept"
    );

    // Documents unchanged, one PDF missing: only that one is made, and counted; the profile a
    // killed LibreOffice left locked does not stop it.
    std::fs::write(kept_profile(dir.path()).join(".lock"), "killed").unwrap();
    std::fs::remove_file(out.join("ubnd-xa.pdf")).unwrap();
    let second = finish(
        render_pdf(dir.path(), &temp).spawn().unwrap(),
        Duration::from_secs(120),
    );
    assert!(second.status.success(), "{}", stderr(&second));
    assert_contains(
        &stdout(&second),
        "0 written, 2 unchanged, 0 failed, 1 PDFs written in",
    );
    assert!(out.join("ubnd-xa.pdf").is_file());
}

#[test]
fn an_interrupted_conversion_stops_libreoffice_and_leaves_no_folder() {
    let test = "an_interrupted_conversion_stops_libreoffice";
    if find(test, "soffice").is_none() || find(test, "kill").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let temp = dir.path().join("tạm");
    std::fs::create_dir(&temp).unwrap();
    let child = render_pdf(dir.path(), &temp).spawn().unwrap();
    // LibreOffice is running once its profile folder has something in it.
    let started = Instant::now();
    let profile = kept_profile(dir.path());
    while !profile.is_dir() || entries(&profile).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "LibreOffice never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let interrupted = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let output = finish(child, Duration::from_secs(30));

    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_contains(&stderr(&output), "interrupted: LibreOffice was stopped");
    assert!(
        !profile.exists(),
        "profile {} left behind",
        profile.display()
    );
    assert_eq!(staging(&dir.path().join("out")), Vec::<PathBuf>::new());
    // No LibreOffice process is left running on that profile.
    let processes = Command::new("ps").args(["-eo", "args"]).output().unwrap();
    let profile_name = dir.path().to_string_lossy().into_owned();
    assert!(
        !stdout(&processes).contains(&profile_name),
        "LibreOffice still running:\n{}",
        stdout(&processes)
    );
}

#[test]
fn pdf_a_is_marked_pdf_a_2b_with_every_font_embedded_and_a_text_layer() {
    let test = "pdf_a_is_marked_pdf_a_2b";
    for tool in ["soffice", "pdffonts", "pdftotext"] {
        if find(test, tool).is_none() {
            return;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let record = repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2018.toml");
    let record = record.to_str().unwrap();
    for (flag, out) in [("--pdf-a", "archive"), ("--pdf", "plain")] {
        let o = vanban(dir.path(), &["render", record, "--out", out, flag, "-q"]);
        assert!(o.status.success(), "{flag}: {}", stderr(&o));
    }
    let pdf = |out: &str| {
        dir.path()
            .join(out)
            .join("ke-hoach-khac-phuc-cchc-2018.pdf")
    };
    let bytes = std::fs::read(pdf("archive")).unwrap();
    let metadata = String::from_utf8_lossy(&bytes);
    // The PDF's own claim, in its XMP metadata (written uncompressed, as PDF/A requires).
    assert_contains(&metadata, "<pdfaid:part>2</pdfaid:part>");
    assert_contains(&metadata, "<pdfaid:conformance>B</pdfaid:conformance>");
    let plain = std::fs::read(pdf("plain")).unwrap();
    assert!(!String::from_utf8_lossy(&plain).contains("pdfaid:part"));

    let fonts = Command::new("pdffonts")
        .arg(pdf("archive"))
        .output()
        .unwrap();
    let fonts = stdout(&fonts);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        // Columns: name, type (one or two words), encoding, emb, sub, uni, object, generation.
        let columns: Vec<&str> = row.split_whitespace().collect();
        let embedded = columns[columns.len() - 5];
        assert_eq!(embedded, "yes", "font not embedded: {row}");
    }

    let text = Command::new("pdftotext")
        .arg(pdf("archive"))
        .arg("-")
        .output()
        .unwrap();
    let text = stdout(&text);
    assert_contains(&text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_contains(
        &text,
        "Khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính năm 2018",
    );
}
