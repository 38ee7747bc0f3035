//! Nothing a clerk did is lost and a record reads nothing outside its folder (issue 14):
//! hand-edited outputs are kept, colliding outputs are refused before anything is written,
//! references stay inside the folder being rendered, and odd files never hang or flood.

mod common;

use std::path::Path;

use common::*;

fn copy_plans(dir: &Path) {
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    for entry in std::fs::read_dir(repo("plans/so-noi-vu")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, plans.join(path.file_name().unwrap())).unwrap();
    }
}

fn new_record(dir: &Path, kind: &str, path: &str) {
    let made = vanban(dir, &["new", kind, path]);
    assert!(made.status.success(), "{}", stderr(&made));
}

/// A plan whose appendix is written as a file of its own, `<name>-phu-luc.docx`.
fn new_plan_with_appendix_file(dir: &Path, path: &str) {
    new_record(dir, "ke-hoach", path);
    let file = dir.join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("tep_rieng = false"), "the scaffold changed");
    std::fs::write(&file, text.replace("tep_rieng = false", "tep_rieng = true")).unwrap();
}

const REPORT: &str = "plans/bao-cao-6-thang-dau-nam-2021.toml";

/// Points the bundled report's `ke_hoach` at `target`.
fn point_report_at(dir: &Path, target: &str) {
    let path = dir.join(REPORT);
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().find(|l| l.starts_with("ke_hoach")).unwrap();
    let edited = text.replace(line, &format!("ke_hoach = {target:?}"));
    std::fs::write(&path, edited).unwrap();
}

#[test]
fn an_edited_appendix_is_kept_the_rest_rendered_and_force_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    new_plan_with_appendix_file(dir.path(), "plans/cv.toml");
    new_record(dir.path(), "ke-hoach", "plans/kh.toml");
    let first = vanban(dir.path(), &["render", "plans", "-q"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let appendix = dir.path().join("out/cv-phu-luc.docx");
    let main = dir.path().join("out/cv.docx");
    let main_before = std::fs::read(&main).unwrap();
    std::fs::write(&appendix, b"saved from Word").unwrap();
    // The plan changes too, so both records would be rendered again.
    for name in ["cv", "kh"] {
        let path = dir.path().join(format!("plans/{name}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\n# edited\n")).unwrap();
    }
    let again = vanban(dir.path(), &["render", "plans"]);
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert_contains(&stderr(&again), "out/cv-phu-luc.docx: kept as it is");
    assert_contains(&stderr(&again), "--force");
    assert_contains(&stdout(&again), "wrote out/kh.docx");
    assert_contains(&stdout(&again), "1 kept because they were changed by hand");
    assert_eq!(std::fs::read(&appendix).unwrap(), b"saved from Word");
    assert_eq!(
        std::fs::read(&main).unwrap(),
        main_before,
        "nothing of the record is written"
    );
    let forced = vanban(dir.path(), &["render", "plans", "--force", "-q"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_starts(
        &String::from_utf8_lossy(&std::fs::read(&appendix).unwrap()),
        "PK",
    );
}

#[test]
fn an_output_vanban_has_no_stamp_for_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    new_record(dir.path(), "ke-hoach", "plans/kh.toml");
    let first = vanban(dir.path(), &["render", "plans", "-q"]);
    assert!(first.status.success(), "{}", stderr(&first));
    // Same bytes as vanban would write: no conflict even without stamps.
    std::fs::remove_file(dir.path().join("out/.vanban-stamps")).unwrap();
    let same = vanban(dir.path(), &["render", "plans", "-q"]);
    assert!(same.status.success(), "{}", stderr(&same));
    std::fs::remove_file(dir.path().join("out/.vanban-stamps")).unwrap();
    std::fs::write(dir.path().join("out/kh.docx"), b"someone's own file").unwrap();
    let kept = vanban(dir.path(), &["render", "plans", "-q"]);
    assert_eq!(kept.status.code(), Some(1));
    assert_eq!(
        std::fs::read(dir.path().join("out/kh.docx")).unwrap(),
        b"someone's own file"
    );
}

#[test]
fn outputs_that_meet_on_one_file_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    new_plan_with_appendix_file(dir.path(), "plans/x.toml");
    new_record(dir.path(), "ke-hoach", "plans/X-Phu-Luc.toml");
    new_record(dir.path(), "ke-hoach", "plans/other.toml");
    let run = vanban(dir.path(), &["render", "plans"]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert_contains(&err, "plans/x.toml: would write out/x-phu-luc.docx");
    assert_contains(&err, "from plans/X-Phu-Luc.toml; neither record is written");
    let mut written: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, [".vanban-stamps", "other.docx"]);
}

#[test]
fn references_outside_the_rendered_folder_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    copy_plans(dir.path());
    std::fs::create_dir(dir.path().join("outside")).unwrap();
    std::fs::write(
        dir.path().join("outside/secret.toml"),
        "SECRET LINE that must never be printed\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("plans/notes.txt"), "PRIVATE NOTE\n").unwrap();
    let cases = [
        ("../outside/secret.toml", "lies outside plans"),
        ("/etc/passwd", "is an absolute path"),
        ("/dev/zero", "is an absolute path"),
        ("notes.txt", "is not a .toml record"),
        ("khong-co.toml", "does not exist"),
    ];
    for (target, expected) in cases {
        point_report_at(dir.path(), target);
        let run = vanban(dir.path(), &["check", "plans"]);
        assert_eq!(run.status.code(), Some(1), "{target}");
        let err = stderr(&run);
        assert_contains(&err, expected);
        assert_contains(&err, "plans/bao-cao-6-thang-dau-nam-2021.toml:10:12");
        assert!(!err.contains("SECRET") && !err.contains("PRIVATE") && !err.contains("root:"));
    }
    // Rendered from the folder above, the same plan is inside the tree and is read.
    point_report_at(dir.path(), "ke-hoach-khac-phuc-cchc-2020.toml");
    let ok = vanban(dir.path(), &["check", "plans"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_a_pipe_or_a_device_never_hangs_or_leaks() {
    let dir = tempfile::tempdir().unwrap();
    copy_plans(dir.path());
    std::fs::create_dir(dir.path().join("outside")).unwrap();
    std::fs::copy(
        dir.path().join("plans/ke-hoach-khac-phuc-cchc-2020.toml"),
        dir.path().join("outside/plan.toml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("../outside/plan.toml", dir.path().join("plans/link.toml")).unwrap();
    point_report_at(dir.path(), "link.toml");
    // The link is a record of the folder (rendered), but the report may not reach through it.
    let run = vanban(dir.path(), &["check", REPORT]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "lies outside");

    let fifo = dir.path().join("plans/pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        point_report_at(dir.path(), "pipe.toml");
        let run = vanban(dir.path(), &["check", REPORT]);
        assert_contains(&stderr(&run), "is not a regular file");
        let run = vanban(dir.path(), &["check", "plans/pipe.toml"]);
        assert_eq!(run.status.code(), Some(1));
        assert_contains(&stderr(&run), "not a regular file");
        std::fs::remove_file(&fifo).unwrap();
    }
    let run = vanban(dir.path(), &["check", "/dev/zero"]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "not a regular file");
}

#[cfg(unix)]
#[test]
fn symlinked_records_are_rendered_and_link_loops_reported() {
    let dir = tempfile::tempdir().unwrap();
    new_record(dir.path(), "ke-hoach", "kh.toml");
    std::fs::create_dir_all(dir.path().join("plans/sub")).unwrap();
    std::os::unix::fs::symlink("../../kh.toml", dir.path().join("plans/sub/linked.toml")).unwrap();
    let run = vanban(dir.path(), &["render", "plans"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_contains(&stdout(&run), "wrote out/sub/linked.docx");
    std::os::unix::fs::symlink("..", dir.path().join("plans/sub/up")).unwrap();
    let run = vanban(dir.path(), &["render", "plans"]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(
        &stderr(&run),
        "plans/sub/up: a symbolic link loop back to plans",
    );
}

#[test]
fn a_record_over_the_size_limit_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(vanban::confine::RECORD_SIZE_LIMIT + 1)
        .unwrap();
    let run = vanban(dir.path(), &["check", "big.toml"]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "big.toml: the file is larger than 8 MiB");
}

#[cfg(target_os = "linux")]
#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    new_record(dir.path(), "ke-hoach", "plans/kh.toml");
    std::fs::create_dir_all(dir.path().join("out/sub")).unwrap();
    // Process ids above the kernel's maximum are never running.
    let leftover = dir.path().join("out/sub/.kh.docx.4294967295.tmp");
    std::fs::write(&leftover, b"half a docx").unwrap();
    let run = vanban(dir.path(), &["render", "plans", "-q"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!leftover.exists());
}

#[test]
fn changes_refuses_a_from_date_after_the_to_date() {
    let dir = tempfile::tempdir().unwrap();
    copy_plans(dir.path());
    let run = vanban(
        dir.path(),
        &[
            "changes",
            "plans/ke-hoach-khac-phuc-cchc-2020.toml",
            "--from",
            "2021-12-31",
            "--to",
            "2021-06-30",
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(stdout(&run), "");
    assert_contains(&stderr(&run), "the --from date is later than the --to date");
}

#[test]
fn a_record_named_dot_dot_is_refused_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::copy(fixture("good/march.toml"), dir.path().join("plans/..toml")).unwrap();
    let run = vanban(dir.path(), &["render", "plans"]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "plans/..toml: the output");
    assert!(
        !dir.path().join("out").exists()
            || std::fs::read_dir(dir.path().join("out")).unwrap().count() == 0
    );
}

#[test]
fn check_reports_colliding_outputs_like_render() {
    let dir = tempfile::tempdir().unwrap();
    new_plan_with_appendix_file(dir.path(), "plans/x.toml");
    new_record(dir.path(), "ke-hoach", "plans/x-phu-luc.toml");
    let run = vanban(dir.path(), &["check", "plans"]);
    assert_eq!(run.status.code(), Some(1));
    assert_contains(&stderr(&run), "neither record is written");
    assert!(!dir.path().join("out").exists());
}
