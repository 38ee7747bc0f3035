//! `vanban watch` renders at once, then again after a record changes.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Waits up to 30 s for `ready`, checking every 100 ms.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn watch_renders_again_after_a_record_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let record = dir.path().join("plans/march.toml");
    std::fs::copy(fixture("good/march.toml"), &record).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["watch", "plans", "--out", "out"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let docx = dir.path().join("out/march.docx");
    wait_for("the first render", || docx.is_file());
    let first = std::fs::read(&docx).unwrap();

    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replace("Kiểm tra tháng ba", "Kiểm tra tháng tư"),
    )
    .unwrap();
    wait_for("the second render", || {
        std::fs::read(&docx).is_ok_and(|bytes| bytes != first)
    });
    child.kill().unwrap();
    child.wait().unwrap();
    let mut output = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut output)
        .unwrap();
    assert!(output.starts_with("watching plans"), "{output}");
    assert_eq!(
        output.matches("wrote out/march.docx").count(),
        2,
        "{output}"
    );
    let xml = part(&docx, "word/document.xml");
    assert!(unglued(&xml).contains("Kiểm tra tháng tư"));
}
