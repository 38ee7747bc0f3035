//! `vanban pull` on a document edited in LibreOffice through its API (tests/tools/lo_edit.py,
//! python3-uno; a comment is added as Word writes it and carried by LibreOffice's conversion,
//! see the script): LibreOffice rewrites every run and part when it saves, and the edits
//! still come back into the record, and the next render carries them.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{assert_contains, find, repo, skip, stderr, stdout, vanban};

fn uno_python() -> bool {
    Command::new("/usr/bin/python3")
        .args(["-c", "import uno"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn libreoffice_edits_come_back_into_the_record() {
    let test = "libreoffice_edits_come_back_into_the_record";
    let Some(soffice) = find(test, "soffice") else {
        return;
    };
    if !uno_python() {
        assert!(
            std::env::var_os("VANBAN_REQUIRE_TOOLS").is_none(),
            "{test}: python3-uno is required but missing"
        );
        skip(test, "python3-uno");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    let record = plans.join("ke-hoach-khac-phuc-cchc-2020.toml");
    std::fs::copy(
        repo("plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml"),
        &record,
    )
    .unwrap();
    let out = vanban(dir.path(), &["render", "plans", "--out", "out", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rendered = dir.path().join("out/ke-hoach-khac-phuc-cchc-2020.docx");
    let edited = dir
        .path()
        .join("out/edited/ke-hoach-khac-phuc-cchc-2020.docx");
    std::fs::create_dir_all(edited.parent().unwrap()).unwrap();

    let pipe = format!("vanban-pull-{}", std::process::id());
    let profile = url::Url::from_directory_path(dir.path().join("profile")).unwrap();
    let mut office = Command::new(soffice)
        .args([
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            &format!("-env:UserInstallation={profile}"),
            &format!("--accept=pipe,name={pipe};urp;"),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let script = Command::new("/usr/bin/python3")
        .arg(repo("tests/tools/lo_edit.py"))
        .args([pipe.as_str(), path(&rendered), path(&edited)])
        .output()
        .unwrap();
    let _ = office.kill();
    let _ = office.wait();
    assert!(script.status.success(), "{}", stderr(&script));
    // The comment, added as Word writes it, through LibreOffice's own conversion.
    let commented = dir
        .path()
        .join("commented/ke-hoach-khac-phuc-cchc-2020.docx");
    std::fs::create_dir_all(commented.parent().unwrap()).unwrap();
    let script = Command::new("/usr/bin/python3")
        .arg(repo("tests/tools/lo_edit.py"))
        .args(["comment", path(&edited), path(&commented)])
        .output()
        .unwrap();
    assert!(script.status.success(), "{}", stderr(&script));
    let converted = dir.path().join("converted");
    let conversion = Command::new(find(test, "soffice").unwrap())
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation={profile}"),
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            path(&converted),
            path(&commented),
        ])
        .output()
        .unwrap();
    assert!(conversion.status.success(), "{}", stderr(&conversion));
    let edited = converted.join("ke-hoach-khac-phuc-cchc-2020.docx");

    let out = vanban(
        dir.path(),
        &["pull", path(&edited), "--record", path(&record)],
    );
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}{}", stderr(&out));
    crate::common::assert_leaders_edits_reported(&printed);

    let out = vanban(
        dir.path(),
        &["pull", path(&edited), "--record", path(&record), "--apply"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = vanban(dir.path(), &["render", "plans", "--out", "again", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = dir.path().join("again/ke-hoach-khac-phuc-cchc-2020.docx");
    let text = crate::common::texts(&crate::common::part(&again, "word/document.xml")).join("\n");
    assert_contains(&text, "đơn vị thuộc Sở tham mưu");
    assert_contains(&text, "Rà soát lại quy trình ban hành văn bản.");
    assert!(!text.contains("Có báo cáo phương án đơn giản hóa TTHC"));
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}
