//! Helpers shared by the integration tests: run the real binary, read parts of a .docx back.

#![allow(dead_code)]
// Each test binary uses its own part of these helpers, as a private module.
#![allow(unreachable_pub)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quick_xml::Reader;
use quick_xml::events::Event;

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every file under `folder` whose name ends in `.ext`, in name order.
pub fn files(folder: &Path, ext: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .map(|e| e.path().to_path_buf())
        .collect()
}

/// Runs `vanban` with `args` in `dir`, in English whatever the machine's locale.
pub fn vanban(dir: &Path, args: &[&str]) -> Output {
    vanban_in(dir, args, None)
}

/// Runs `vanban` with `args` in `dir` with `LANG` set to `lang` (or unset, and no other locale
/// variable set).
pub fn vanban_in(dir: &Path, args: &[&str], lang: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        // Read by the system-locale fallback on Unix when the three above are unset.
        .env_remove("LANGUAGE");
    if let Some(lang) = lang {
        command.env("LANG", lang);
    }
    command
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run vanban")
}

/// Asserts that `text` contains `expected`, showing both when it does not.
#[track_caller]
pub fn assert_contains(text: &str, expected: &str) {
    assert!(text.contains(expected), "{expected:?} not in\n{text}");
}

/// Asserts that `vanban pull` reported the edits a leader made to the bundled 2020 plan in the
/// pull tests (a solution changed, one added, a detail deleted, the number typed, a tracked
/// change and a comment), whichever program saved them.
#[track_caller]
pub fn assert_leaders_edits_reported(printed: &str) {
    assert_contains(
        printed,
        "tieu_chi[1].khac_phuc.giai_phap[0]: changed “Giao các phòng, ban, đơn vị chuyên môn tham mưu, trình HĐND, UBND tỉnh ban hành.” → “Giao các phòng, ban, đơn vị thuộc Sở tham mưu, trình HĐND, UBND tỉnh ban hành.”",
    );
    assert_contains(
        printed,
        "tieu_chi[1].khac_phuc.giai_phap[1]: new paragraph “Rà soát lại quy trình ban hành văn bản.”",
    );
    assert_contains(
        printed,
        "tieu_chi[2].chi_tiet[0]: paragraph deleted “Có báo cáo",
    );
    assert_contains(printed, "“Số: 12/KH-SNV”");
    assert_contains(printed, "tracked insertion by Lãnh đạo Sở: “thuộc Sở ”");
    assert_contains(printed, "tracked deletion by Lãnh đạo Sở: “chuyên môn ”");
    assert_contains(
        printed,
        "comment by Phó Giám đốc on “Trong năm 2021”: Xem lại thời hạn",
    );
}

/// Asserts that `text` starts with `expected`, showing both when it does not.
#[track_caller]
pub fn assert_starts(text: &str, expected: &str) {
    assert!(
        text.starts_with(expected),
        "{expected:?} does not start\n{text}"
    );
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Renders one record into a fresh folder and returns (folder, path of the .docx).
pub fn render(record: &Path) -> (tempfile::TempDir, PathBuf) {
    render_with(record, &[])
}

/// [`render`] with more options (`-j 1`, `--as-of …`).
pub fn render_with(record: &Path, options: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["render", record.to_str().unwrap(), "--out", "out"];
    args.extend_from_slice(options);
    let out = vanban(dir.path(), &args);
    assert!(
        out.status.success(),
        "render failed:\n{}{}",
        stdout(&out),
        stderr(&out)
    );
    let name = record.file_stem().unwrap().to_string_lossy().into_owned();
    let docx = dir.path().join("out").join(format!("{name}.docx"));
    assert!(docx.is_file(), "no output at {}", docx.display());
    (dir, docx)
}

/// One part of a .docx as text.
pub fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut entry = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

pub fn part_names(docx: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    zip.file_names().map(str::to_string).collect()
}

/// A paragraph read back: its style id and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub style: String,
    pub text: String,
}

/// Paragraphs of an XML part in document order (table cells included).
pub fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<Para> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                current = Some(Para {
                    style: String::new(),
                    text: String::new(),
                });
            }
            Event::Empty(e) if e.name().as_ref() == "w:p" => out.push(Para {
                style: String::new(),
                text: String::new(),
            }),
            Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                if let (Some(p), Some(v)) =
                    (current.as_mut(), e.try_get_attribute("w:val").unwrap())
                {
                    p.style = v.value.to_string();
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.text.push_str(&t);
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = current.as_mut() {
                    let resolved = match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    };
                    p.text.push_str(resolved);
                }
            }
            Event::End(e) if e.name().as_ref() == "w:p" => out.extend(current.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// `text` with the no-break spaces vanban puts before a title's last word read as spaces.
pub fn unglued(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

pub fn texts(xml: &str) -> Vec<String> {
    paragraphs(xml)
        .into_iter()
        .map(|p| p.text)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The XML between the n-th `<w:tbl>` and its end (tables are not nested in vanban output).
pub fn table(xml: &str, n: usize) -> String {
    let start = xml.match_indices("<w:tbl>").nth(n).expect("table").0;
    let end = xml[start..].find("</w:tbl>").unwrap() + start + "</w:tbl>".len();
    xml[start..end].to_string()
}

/// The XML inside each `<w:tr>` of a table, in order.
pub fn rows(table: &str) -> Vec<String> {
    table
        .split("<w:tr>")
        .skip(1)
        .map(|r| r[..r.find("</w:tr>").unwrap()].to_string())
        .collect()
}

/// The XML inside each `<w:tc>` of a row, in order.
pub fn cells(row: &str) -> Vec<String> {
    row.split("<w:tc>")
        .skip(1)
        .map(|c| c[..c.find("</w:tc>").unwrap()].to_string())
        .collect()
}

/// Finds a command on PATH or in the repository's .venv.
pub fn tool(name: &str) -> Option<PathBuf> {
    let venv = repo(".venv/bin").join(name);
    if venv.is_file() {
        return Some(venv);
    }
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

/// Prints a visible skip line; CI installs every tool, so skips only happen on bare machines.
pub fn skip(test: &str, tool: &str) {
    eprintln!(
        "SKIPPED {test}: `{tool}` not found (run `bash .ci/run` or see README to install it)"
    );
}

/// A tool for `test`, or None after printing a visible skip line. With VANBAN_REQUIRE_TOOLS set
/// (CI), a missing tool fails the test instead.
pub fn find(test: &str, name: &str) -> Option<PathBuf> {
    let found = tool(name);
    if found.is_none() {
        assert!(
            std::env::var_os("VANBAN_REQUIRE_TOOLS").is_none(),
            "{test}: `{name}` is required but missing"
        );
        skip(test, name);
    }
    found
}

/// Rewrites parts of a .docx as an editor would: `edit` gets each part's name and text.
pub fn edit_docx(docx: &Path, edit: impl Fn(&str, String) -> String, add: &[(&str, &str)]) {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        out.start_file(name.as_str(), options).unwrap();
        out.write_all(edit(&name, text).as_bytes()).unwrap();
    }
    for (name, text) in add {
        out.start_file(*name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    std::fs::write(docx, out.finish().unwrap().into_inner()).unwrap();
}
