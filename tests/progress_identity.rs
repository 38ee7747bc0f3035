//! `vanban progress` edits the clerk's plan without changing what kind of file it is: entries
//! recorded at the same moment are all kept, links, permissions, line endings and the
//! byte-order mark survive, and a read-only plan is refused untouched (issue 14, item 3).

mod common;

use std::path::Path;

use common::*;

const PLAN: &str = "ke-hoach-khac-phuc-cchc-2020.toml";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo("plans/so-noi-vu").join(PLAN), dir.path().join(PLAN)).unwrap();
    dir
}

fn progress(dir: &Path, plan: &str, date: &str) -> std::process::Output {
    vanban(
        dir,
        &[
            "progress",
            plan,
            "4",
            "--status",
            "dang-thuc-hien",
            "--date",
            date,
        ],
    )
}

fn entries(text: &str, date: &str) -> usize {
    text.matches(&format!("ngay = {date}")).count()
}

#[test]
fn parallel_updates_of_one_plan_all_keep_their_entry() {
    let dir = setup();
    let dates: Vec<String> = (1..=8).map(|d| format!("2021-08-{d:02}")).collect();
    let children: Vec<_> = dates
        .iter()
        .map(|date| {
            std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
                .args([
                    "progress",
                    PLAN,
                    "4",
                    "--status",
                    "dang-thuc-hien",
                    "--date",
                    date,
                ])
                .current_dir(dir.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(dir.path().join(PLAN)).unwrap();
    for date in &dates {
        assert_eq!(entries(&text, date), 1, "{date} lost:\n{text}");
    }
    let check = vanban(dir.path(), &["check", PLAN]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[cfg(unix)]
#[test]
fn links_and_permissions_of_the_plan_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    std::fs::rename(dir.path().join(PLAN), dir.path().join("shared").join(PLAN)).unwrap();
    let target = dir.path().join("shared").join(PLAN);
    std::os::unix::fs::symlink(format!("shared/{PLAN}"), dir.path().join(PLAN)).unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = progress(dir.path(), PLAN, "2021-08-01");
    assert!(out.status.success(), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join(PLAN)).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(entries(&text, "2021-08-01"), 1);
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);

    // A second name for the same file sees the entry too.
    let other = dir.path().join("other-name.toml");
    std::fs::hard_link(&target, &other).unwrap();
    let out = progress(dir.path(), "other-name.toml", "2021-08-02");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&target).unwrap();
    assert_eq!(entries(&text, "2021-08-02"), 1);
    assert_eq!(std::fs::read(&other).unwrap(), text.as_bytes());
}

#[cfg(unix)]
#[test]
fn a_read_only_plan_is_refused_and_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = setup();
    let plan = dir.path().join(PLAN);
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let out = progress(dir.path(), PLAN, "2021-08-01");
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "the plan is read-only");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    let mode = std::fs::metadata(&plan).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
}

#[test]
fn windows_line_endings_and_the_byte_order_mark_survive() {
    let lf = setup();
    let out = progress(lf.path(), PLAN, "2021-08-01");
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = std::fs::read_to_string(lf.path().join(PLAN)).unwrap();

    let dir = setup();
    let plan = dir.path().join(PLAN);
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    let out = progress(dir.path(), PLAN, "2021-08-01");
    assert!(out.status.success(), "{}", stderr(&out));
    let edited = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(
        edited,
        format!("\u{feff}{}", expected.replace('\n', "\r\n")),
        "the same entry, saved the way the file was"
    );
}

#[test]
fn a_date_before_the_plan_or_after_today_is_warned_about() {
    let dir = setup();
    let out = progress(dir.path(), PLAN, "2019-05-01");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_contains(
        &stderr(&out),
        "warning: the date 2019-05-01 is before the plan's own date 2021-01-01",
    );
    let out = progress(dir.path(), PLAN, "2199-01-01");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_contains(&stderr(&out), "warning: the date 2199-01-01 is after today");
    let out = progress(dir.path(), PLAN, "2021-08-01");
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_plan_not_in_utf8_is_refused_at_its_byte() {
    let dir = setup();
    let plan = dir.path().join(PLAN);
    let mut bytes = std::fs::read(&plan).unwrap();
    bytes.extend_from_slice(b"# \xe9\n");
    std::fs::write(&plan, &bytes).unwrap();
    let out = progress(dir.path(), PLAN, "2021-08-01");
    assert_eq!(out.status.code(), Some(1));
    assert_contains(&stderr(&out), "not UTF-8 text");
    assert_contains(&stderr(&out), &format!("--> {PLAN}:"));
    assert_eq!(std::fs::read(&plan).unwrap(), bytes);
}
