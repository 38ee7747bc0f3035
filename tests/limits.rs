//! Very long text and very large tables render completely (issue: "render or fail cleanly,
//! never hang"): a 160,000-character paragraph and a 10,000-row appendix. How long they take
//! is measured in benches/, not asserted here.

mod common;

use common::*;

#[path = "../benches/generated.rs"]
mod generated;

#[test]
fn ten_thousand_rows_and_a_very_long_paragraph_render_completely() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "Rất dài ".repeat(20_000);
    let record = dir.path().join("lon.toml");
    std::fs::write(
        &record,
        generated::task_plan(paragraph.trim_end(), 100, 100),
    )
    .unwrap();
    let (_out, docx) = render(&record);
    let xml = part(&docx, "word/document.xml");
    let texts = texts(&xml);
    assert!(texts.iter().any(|t| t == paragraph.trim_end()));
    let appendix = table(&xml, xml.match_indices("<w:tbl>").count() - 1);
    let numbered = appendix
        .split("<w:tr")
        .filter(|row| row.contains("Nhiệm vụ "))
        .count();
    assert_eq!(numbered, 10_000);
    assert!(
        texts.iter().any(|t| t == "10000"),
        "last row is numbered 10000"
    );
    assert!(!texts.iter().any(|t| t == "10001"));

    // Its main part is deflated on a thread of its own, and the record freed on another; with
    // `-j 1` everything stays on one thread, and the bytes are the same.
    let (_one, alone) = render_with(&record, &["-j", "1"]);
    let alone = std::fs::read(alone).unwrap();
    assert!(
        alone == std::fs::read(&docx).unwrap(),
        "-j 1 wrote other bytes"
    );
}
