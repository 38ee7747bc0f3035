//! A corpus of bad, hostile and odd inputs and of faults (issue 14, item 7), one class each:
//! malformed TOML, wrong types, impossible dates, blank text, hostile text and paths, files
//! that are not UTF-8, deep nesting, a 1 MB line; then, in code, faults that need a setup of
//! their own (a pipe, link loops, a full disk, a killed run, an output folder that is a file,
//! concurrent edits…).
//!
//! Every class asserts the exit code, the file:line:col where the fault is in a file, that
//! nothing panicked, that no line of a file outside the records is printed, that messages stay
//! short, and that every file that existed before is byte-identical afterwards, or changed
//! exactly as intended.
//!
//! 89 record classes in the table and 17 fault classes below: 106 in all.
//! Run: `cargo test --test corpus`.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

/// A record file of tests/fixtures/corpus/: its name, the exit code of `render`, where the
/// error points (line:column in the record), and what the first message says.
struct Case {
    name: &'static str,
    exit: i32,
    at: Option<&'static str>,
    says: &'static str,
}

const fn case(name: &'static str, exit: i32, at: &'static str, says: &'static str) -> Case {
    Case {
        name,
        exit,
        at: if at.is_empty() { None } else { Some(at) },
        says,
    }
}

#[rustfmt::skip]
const FILE_CASES: &[Case] = &[
    // Malformed TOML.
    case("syntax-unclosed-string", 1, "5:31", "a line break inside a \"…\" string"),
    case("syntax-missing-equals", 1, "5:11", "missing `=` between a key and its value"),
    case("syntax-duplicate-key", 1, "4:1", "the key `so` is written twice"),
    case("syntax-table-twice", 1, "18:2", "the key `co_quan` is written twice"),
    case("syntax-garbage-value", 1, "3:6", "string values must be quoted"),
    case("syntax-unclosed-array", 1, "17:24", "a list is not closed with `]`"),
    case("syntax-invalid-escape", 1, "5:24", "a backslash in a string starts an escape"),
    case("syntax-raw-nul", 1, "5:28", "control character U+0000"),
    case("syntax-bad-unicode-escape", 1, "5:31", "a \\u escape needs four hexadecimal digits"),
    case("empty-file", 1, "1:1", "missing key `loai`"),
    // Found by the fuzzer: a comma right after a Vietnamese letter made the decimal-comma
    // check cut a character in two (a panic).
    case("fuzz-comma-after-vietnamese-letter", 1, "2:34", "unexpected text after a value"),
    case("key-after-table", 1, "18:1", "unknown key `mo_dau`"),
    case("deep-nesting", 1, "17:92", "nested too deep to read"),
    case("deep-inline-tables", 1, "17:487", "nested too deep to read"),
    case("long-line-error", 1, "5:1000014", "control character U+0007"),
    // Not UTF-8, or UTF-8 as other tools save it.
    case("not-utf8-latin1", 1, "5:25", "not UTF-8 text"),
    case("not-utf8-utf16", 1, "1:1", "not UTF-8 text"),
    case("not-utf8-binary", 1, "2:118", "not UTF-8 text"),
    case("bom-utf8", 0, "", ""),
    case("crlf-line-endings", 0, "", ""),
    // Wrong types and ranges.
    case("type-number-as-string", 1, "3:6", "invalid type: string \"18\""),
    case("type-date-as-string", 1, "4:8", "expected a date"),
    case("type-text-as-number", 1, "5:13", "expected a string"),
    case("type-table-as-string", 1, "3:11", "expected a table"),
    case("type-array-as-string", 1, "17:12", "expected a list"),
    case("type-sections-as-table", 1, "15:1", "expected a list"),
    case("type-score-as-string", 1, "21:15", "`hai` is not a number"),
    case("type-integer-overflow", 1, "3:6", "expected a whole number"),
    case("type-float-number", 1, "3:6", "expected a whole number"),
    case("range-number-negative", 1, "3:6", "document number -1 is out of range"),
    case("range-number-zero", 1, "3:6", "document number 0 is out of range"),
    case("range-number-too-large", 1, "3:6", "document number 100000 is out of range"),
    // Impossible dates.
    case("date-february-29", 1, "4:8", "expected day between 01 and 28"),
    case("date-month-13", 1, "4:8", "expected month between 01 and 12"),
    case("date-with-time", 1, "4:8", "is not a calendar date"),
    case("date-time-only", 1, "4:8", "is not a calendar date"),
    case("date-offset", 1, "4:8", "is not a calendar date"),
    case("year-too-early", 1, "4:7", "1800 is not a plausible year"),
    case("year-too-late", 1, "4:7", "3000 is not a plausible year"),
    case("month-13-draft", 1, "5:9", "13 is not a month"),
    case("month-zero-draft", 1, "5:9", "0 is not a month"),
    case("no-date-no-year", 1, "2:8", "neither `ngay` nor `nam`"),
    case("progress-impossible-date", 1, "26:10", "expected day between 01 and 30"),
    // Blank or missing mandatory text.
    case("blank-trich-yeu", 1, "5:13", "`trich_yeu` is blank"),
    case("blank-co-quan-ten", 1, "7:7", "`co_quan.ten` is blank"),
    case("blank-ho-ten", 1, "12:10", "`nguoi_ky.ho_ten` is blank"),
    case("blank-viet-tat", 1, "8:12", "the agency abbreviation is empty"),
    case("blank-criterion-name", 1, "20:7", "`tieu_chi.ten` is blank"),
    case("missing-viet-tat", 1, "6:1", "missing key `viet_tat`"),
    case("missing-trich-yeu", 1, "1:1", "missing key `trich_yeu`"),
    // Values vanban does not know.
    case("unknown-kind", 1, "2:8", "unknown document kind `ke-hoach-2`"),
    case("unknown-key-typo", 1, "5:1", "unknown key `trich_yue`"),
    case("unknown-size-set", 1, "5:10", "unknown size set `vua`"),
    case("signer-unknown-authority", 1, "11:13", "unknown signing authority `KT`"),
    case("signer-authority-without-head", 1, "11:13", "needs the head's title"),
    case("signer-head-without-authority", 1, "11:22", "only used with `quyen_han`"),
    case("criterion-duplicate-code", 1, "24:6", "criterion code `1` appears twice"),
    case("criterion-score-over-maximum", 1, "22:12", "assessed 3 is not between 0 and the maximum 2"),
    case("criterion-score-negative", 1, "22:12", "assessed -1 is not between"),
    case("criterion-score-nan", 1, "22:12", "assessed NaN is not between"),
    case("criterion-score-infinite", 1, "21:15", "maximum inf is out of range"),
    case("criterion-score-huge", 1, "21:15", "is out of range"),
    case("block-two-keys", 1, "17:13", "exactly one key"),
    case("block-unknown-key", 1, "17:13", "unknown body block key `*`"),
    case("block-unknown-insertion", 1, "17:13", "unknown generated block `bang-luong`"),
    case("block-number", 1, "17:13", "invalid type: integer `5`"),
    case("section-too-deep", 1, "", "sections nest at most three deep"),
    case("progress-unknown-status", 1, "27:16", "unknown progress status `xong`"),
    case("appendix-unknown-preset", 1, "20:7", "unknown appendix preset `khong-co`"),
    case("appendix-unknown-orientation", 1, "21:9", "unknown orientation `cheo`"),
    case("appendix-number-zero", 1, "12:6", "appendix number 0 is out of range"),
    // A Phụ lục file of its own: no signer, and it names its document.
    case("phu-luc-with-signer", 1, "9:2", "`nguoi_ky` has no place in a Phụ lục"),
    case("phu-luc-without-document", 1, "1:1", "missing key `van_ban`"),
    case("van-ban-in-a-plan", 1, "5:1", "only read with loai = \"phu-luc\""),
    // Hostile references: nothing outside the folder is read or printed.
    case("reference-outside", 1, "5:12", "lies outside plans, the folder being rendered"),
    case("reference-absolute", 1, "5:12", "the plan `/etc/passwd` is an absolute path"),
    case("reference-device", 1, "5:12", "the plan `/dev/zero` is an absolute path"),
    case("reference-missing", 1, "5:12", "does not exist"),
    case("reference-empty", 1, "5:12", "is not a .toml record"),
    case("reference-folder", 1, "5:12", "the plan `..` is not a .toml record"),
    case("reference-not-toml", 1, "5:12", "the document `../secret.txt` is not a .toml record"),
    case("reference-self", 1, "5:12", "is a Báo cáo, not a Kế hoạch"),
    // Hostile text is data: it renders as written.
    case("hostile-template-syntax", 0, "", ""),
    case("hostile-xml", 0, "", ""),
    case("hostile-markup-directives", 0, "", ""),
    case("hostile-bidi-and-zero-width", 0, "", ""),
    case("hostile-noncharacters", 0, "", ""),
    case("hostile-escaped-control", 0, "5:29", "a control character written as an escape"),
    case("hostile-decomposed", 0, "", ""),
    case("hostile-astral", 0, "", ""),
];

/// Every file below `dir` (links not followed) with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let kind = entry.file_type().unwrap();
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file() {
                let path = entry.path();
                let bytes = std::fs::read(&path).unwrap();
                found.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    found
}

/// A project folder with `plans/` (a good record beside the case), files outside it that a
/// record must never show, and an earlier output that must survive.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("plans")).unwrap();
    std::fs::create_dir_all(dir.path().join("out")).unwrap();
    std::fs::copy(
        fixture("good/march.toml"),
        dir.path().join("plans/zz-good.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("secret.toml"), "SECRET = \"never shown\"\n").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "SECRET never shown\n").unwrap();
    std::fs::write(dir.path().join("out/earlier.docx"), b"an earlier output").unwrap();
    dir
}

/// What every run must satisfy, whatever the class.
#[track_caller]
fn assert_sane(what: &str, run: &Output) {
    let (out, err) = (stdout(run), stderr(run));
    assert!(run.status.code().is_some(), "{what}: killed by a signal");
    assert!(!err.contains("panicked"), "{what} panicked:\n{err}");
    assert!(
        !format!("{out}{err}").contains("SECRET"),
        "{what} leaked:\n{err}"
    );
    assert!(err.len() < 4_000, "{what}: {} bytes of messages", err.len());
}

/// Files present before and after with the same bytes, except `changed` (compared by the
/// caller) and new files (checked by the caller).
#[track_caller]
fn assert_kept(
    what: &str,
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    changed: &[&str],
) {
    for (path, bytes) in before {
        if changed.iter().any(|c| Path::new(c) == path) {
            continue;
        }
        assert!(
            after.get(path) == Some(bytes),
            "{what}: {} changed or vanished",
            path.display()
        );
    }
}

#[test]
fn every_file_class_fails_or_renders_as_expected_and_harms_nothing() {
    let corpus = fixture("corpus");
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut listed: Vec<String> = FILE_CASES
        .iter()
        .map(|c| format!("{}.toml", c.name))
        .collect();
    listed.sort();
    assert_eq!(
        names, listed,
        "every corpus file has a case and every case a file"
    );

    for case in FILE_CASES {
        let dir = project();
        let record = format!("plans/{}.toml", case.name);
        std::fs::copy(
            corpus.join(format!("{}.toml", case.name)),
            dir.path().join(&record),
        )
        .unwrap();
        let before = files(dir.path());
        let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
        let what = case.name;
        assert_sane(what, &run);
        assert_eq!(
            run.status.code(),
            Some(case.exit),
            "{what}:\n{}",
            stderr(&run)
        );
        let err = stderr(&run);
        if let Some(at) = case.at {
            assert_contains(&err, &format!("--> {record}:{at}\n"));
        }
        assert_contains(&err, case.says);
        let after = files(dir.path());
        assert_kept(what, &before, &after, &[]);
        let output = PathBuf::from(format!("out/{}.docx", case.name));
        assert_eq!(
            after.contains_key(&output),
            case.exit == 0,
            "{what}: output"
        );
        assert!(
            after.contains_key(Path::new("out/zz-good.docx")),
            "{what}: the good record"
        );
        let check = vanban(dir.path(), &["check", "plans", "--format", "json"]);
        assert_sane(what, &check);
        assert_eq!(check.status.code(), Some(case.exit), "{what}: check");
        let json: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
        if let (Some(at), 1) = (case.at, case.exit) {
            let diagnostic = &json["records"][0]["diagnostics"][0];
            let place = format!("{}:{}", diagnostic["line"], diagnostic["column"]);
            assert_eq!(place, at, "{what}: JSON place");
        }
    }
}

// Classes that need a setup of their own: faults of the file system and of the run.

/// Writes a copy of the good record at `relative` inside `dir`.
fn good_record(dir: &Path, relative: &str) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::copy(fixture("good/march.toml"), path).unwrap();
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_record_is_refused_without_waiting() {
    let dir = project();
    if !mkfifo(&dir.path().join("plans/pipe.toml")) {
        return skip("a_pipe_named_like_a_record", "mkfifo");
    }
    let before = files(dir.path());
    for args in [
        &["render", "plans", "--out", "out"][..],
        &["check", "plans/pipe.toml"][..],
        &["check", "/dev/stdin"][..],
    ] {
        let run = vanban(dir.path(), args);
        assert_sane("pipe", &run);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert_contains(&stderr(&run), "not a regular file");
    }
    let after = files(dir.path());
    assert_kept("pipe", &before, &after, &[]);
}

#[cfg(unix)]
#[test]
fn a_plan_that_is_a_pipe_is_refused_without_waiting() {
    let dir = project();
    if !mkfifo(&dir.path().join("plans/plan.toml")) {
        return skip("a_plan_that_is_a_pipe", "mkfifo");
    }
    let report = std::fs::read_to_string(fixture("corpus/reference-missing.toml"))
        .unwrap()
        .replace("khong-co.toml", "plan.toml");
    std::fs::write(dir.path().join("report.toml"), report).unwrap();
    let run = vanban(dir.path(), &["check", "report.toml"]);
    assert_sane("plan pipe", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "--> report.toml:5:12");
}

#[cfg(unix)]
#[test]
fn links_followed_looped_dangling_and_leading_out() {
    let dir = project();
    good_record(dir.path(), "elsewhere/linked.toml");
    let plans = dir.path().join("plans");
    std::os::unix::fs::symlink("../elsewhere/linked.toml", plans.join("linked.toml")).unwrap();
    std::os::unix::fs::symlink("nothing.toml", plans.join("dangling.toml")).unwrap();
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("links", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stdout(&run), "wrote out/linked.docx");
    assert_contains(&stderr(&run), "plans/dangling.toml: cannot read the record");
    std::os::unix::fs::symlink(".", plans.join("loop")).unwrap();
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("link loop", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(
        &stderr(&run),
        "plans/loop: a symbolic link loop back to plans",
    );
}

#[test]
fn a_record_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = project();
    let big = std::fs::File::create(dir.path().join("plans/big.toml")).unwrap();
    big.set_len(vanban::confine::RECORD_SIZE_LIMIT + 1).unwrap();
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("big", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(
        &stderr(&run),
        "plans/big.toml: the file is larger than 8 MiB",
    );
    assert!(dir.path().join("out/zz-good.docx").is_file());
}

#[test]
fn an_output_folder_that_is_a_file_fails_cleanly() {
    let dir = project();
    std::fs::write(dir.path().join("taken"), b"a file, not a folder").unwrap();
    let before = files(dir.path());
    let run = vanban(dir.path(), &["render", "plans", "--out", "taken"]);
    assert_sane("out is a file", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "cannot write taken/zz-good.docx");
    assert_kept("out is a file", &before, &files(dir.path()), &[]);
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_previous_output_and_no_temporary_file() {
    let dir = project();
    let first = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let record = dir.path().join("plans/zz-good.toml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(&record, text.replace("tháng ba", "tháng tư")).unwrap();
    let before = files(dir.path());
    // A file size limit of 1 KiB stands in for a full disk: every write past it fails.
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 2; exec {} render plans --out out",
            env!("CARGO_BIN_EXE_vanban")
        ))
        .current_dir(dir.path())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert_sane("full disk", &run);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_contains(&stderr(&run), "cannot write out/zz-good.docx");
    let after = files(dir.path());
    assert_kept("full disk", &before, &after, &[]);
    assert_eq!(before.len(), after.len(), "no temporary file left");
}

#[test]
fn a_temporary_file_of_a_killed_run_is_removed_and_nothing_else() {
    let dir = project();
    let leftover = "out/.zz-good.docx.4294967295.tmp";
    std::fs::write(dir.path().join(leftover), b"half a document").unwrap();
    let before = files(dir.path());
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("leftover", &run);
    assert_eq!(run.status.code(), Some(0));
    let after = files(dir.path());
    assert_kept("leftover", &before, &after, &[leftover]);
    if Path::new("/proc/self").exists() {
        assert!(!after.contains_key(Path::new(leftover)));
    }
}

#[cfg(unix)]
#[test]
fn a_run_killed_mid_batch_is_completed_by_the_next() {
    let dir = project();
    for n in 0..40 {
        good_record(dir.path(), &format!("plans/r{n:02}.toml"));
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "plans", "--out", "out", "-q", "-j", "1"])
        .current_dir(dir.path())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    child.kill().unwrap();
    child.wait().unwrap();
    let run = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
    assert_sane("after a kill", &run);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let after = files(dir.path());
    assert_eq!(after.keys().filter(|p| p.starts_with("out")).count(), 43);
    assert!(!after.keys().any(|p| p.to_string_lossy().ends_with(".tmp")));
}

#[test]
fn an_output_edited_by_hand_is_kept_and_only_force_replaces_it() {
    let dir = project();
    let first = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
    assert!(first.status.success());
    std::fs::write(dir.path().join("out/zz-good.docx"), b"corrected in Word").unwrap();
    let before = files(dir.path());
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("edited", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "out/zz-good.docx: kept as it is");
    assert_kept("edited", &before, &files(dir.path()), &[]);
    let forced = vanban(dir.path(), &["render", "plans", "--out", "out", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert_kept("forced", &before, &files(dir.path()), &["out/zz-good.docx"]);
}

#[test]
fn garbage_stamps_lose_nothing() {
    let dir = project();
    let first = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
    assert!(first.status.success());
    std::fs::write(
        dir.path().join("out/.vanban-stamps"),
        b"\xff\x00record x\noutput\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("out/zz-good.docx"), b"edited").unwrap();
    let before = files(dir.path());
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("stamps", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_kept("stamps", &before, &files(dir.path()), &[]);
}

#[test]
fn two_records_on_one_output_are_refused_before_anything_is_written() {
    let dir = project();
    good_record(dir.path(), "plans/ZZ-Good.toml");
    let before = files(dir.path());
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("collision", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "neither record is written");
    assert_eq!(files(dir.path()).len(), before.len(), "nothing written");
    assert_kept("collision", &before, &files(dir.path()), &[]);
}

#[cfg(unix)]
#[test]
fn a_line_break_in_a_record_name_stays_out_of_the_stamps() {
    let dir = project();
    good_record(dir.path(), "plans/a\noutput 0 x.toml");
    let run = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
    assert_sane("newline name", &run);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let stamps = std::fs::read_to_string(dir.path().join("out/.vanban-stamps")).unwrap();
    assert!(
        stamps
            .lines()
            .all(|l| l.starts_with("# ") || l.split(' ').nth(1).is_some_and(|d| d.len() == 64)),
        "{stamps}"
    );
    let again = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_contains(&stdout(&again), "0 written, 2 unchanged, 0 failed");
}

#[test]
fn a_record_named_dot_dot_is_refused_by_name() {
    let dir = project();
    good_record(dir.path(), "plans/..toml");
    let run = vanban(dir.path(), &["render", "plans", "--out", "out"]);
    assert_sane("..toml", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "plans/..toml: the output");
}

#[test]
fn an_absurd_thread_count_is_lowered_with_a_note() {
    let dir = project();
    let run = vanban(
        dir.path(),
        &["render", "plans", "--out", "out", "-j", "100000"],
    );
    assert_sane("-j", &run);
    assert_eq!(run.status.code(), Some(0));
    assert_contains(&stderr(&run), "note: -j 100000 lowered to");
}

#[cfg(unix)]
#[test]
fn progress_on_a_read_only_plan_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project();
    std::fs::copy(
        repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml"),
        dir.path().join("plans/plan.toml"),
    )
    .unwrap();
    let plan = dir.path().join("plans/plan.toml");
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = files(dir.path());
    let args = [
        "progress",
        "plans/plan.toml",
        "4",
        "--status",
        "hoan-thanh",
        "--date",
        "2021-08-01",
    ];
    let run = vanban(dir.path(), &args);
    assert_sane("read-only plan", &run);
    assert_eq!(run.status.code(), Some(1));
    assert_kept("read-only plan", &before, &files(dir.path()), &[]);
}

#[test]
fn changes_with_dates_the_wrong_way_round_is_refused() {
    let dir = project();
    let args = [
        "changes",
        "plans/zz-good.toml",
        "--from",
        "2021-12-01",
        "--to",
        "2021-01-01",
    ];
    let run = vanban(dir.path(), &args);
    assert_sane("changes", &run);
    assert_eq!(run.status.code(), Some(1));
}

#[test]
fn eighteen_thousand_criteria_are_checked_in_seconds() {
    let dir = project();
    let mut record = std::fs::read_to_string(fixture("good/march.toml")).unwrap();
    for group in 1..=1_000 {
        record.push_str(&format!(
            "[[tieu_chi]]\nma = \"{group}\"\nten = \"Nhóm {group}\"\n"
        ));
        for part in 1..18 {
            record.push_str(&format!(
                "[[tieu_chi]]\nma = \"{group}.{part}\"\nten = \"Tiêu chí\"\ndiem_toi_da = 2\ndiem_dat = 1.5\n"
            ));
        }
    }
    std::fs::write(dir.path().join("plans/big.toml"), record).unwrap();
    let started = std::time::Instant::now();
    let run = vanban(dir.path(), &["check", "plans/big.toml"]);
    let took = started.elapsed();
    assert_sane("18,000 criteria", &run);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    // About 0.3 s in a release build; the bound leaves room for a debug build on a busy machine.
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}
