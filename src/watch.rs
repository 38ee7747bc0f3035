//! `vanban watch`: renders again whenever a record or a template changes, until interrupted.
//!
//! Changes are found by polling file sizes and modification times, not by OS file events:
//! agencies keep records on network shares where those events often never arrive, and a poll
//! of a few hundred files every few hundred milliseconds costs nothing. A change is acted on
//! once the files have stayed the same for one more poll (debounce), so an editor's
//! save-in-several-steps renders once. Unchanged records are skipped by the stamps, so each
//! round only renders what moved.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::messages::{self, Message, Run};
use crate::output::{self, Job};
use crate::stamp::Stamps;

/// How often the files are looked at.
pub(crate) const POLL: Duration = Duration::from_millis(300);

/// Size and modification time of every file below `roots` except those below `out` (what
/// vanban writes must not wake it again), in a stable order.
pub(crate) fn snapshot(roots: &[PathBuf], out: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files = Vec::new();
    for root in roots {
        let walk = walkdir::WalkDir::new(root).sort_by_file_name().into_iter();
        for entry in walk.filter_entry(|e| !e.path().starts_with(out)).flatten() {
            if let Ok(meta) = entry.metadata() {
                if meta.is_file() {
                    files.push((entry.path().to_path_buf(), meta.len(), meta.modified().ok()));
                }
            }
        }
    }
    files
}

/// Calls `render` now and after every settled change below `roots`; never returns. After each
/// render, says which outputs stay behind because their record (found from `inputs`) is gone.
pub(crate) fn run(
    roots: &[PathBuf],
    out: &Path,
    inputs: &[PathBuf],
    mut render: impl FnMut(),
) -> ! {
    let mut records = output::discover(inputs).unwrap_or_default();
    render();
    let mut seen = snapshot(roots, out);
    loop {
        std::thread::sleep(POLL);
        let now = snapshot(roots, out);
        if now == seen {
            continue;
        }
        // Wait until the files stop changing, then render once.
        let mut settled = now;
        loop {
            std::thread::sleep(POLL);
            let again = snapshot(roots, out);
            if again == settled {
                break;
            }
            settled = again;
        }
        render();
        let now = output::discover(inputs).unwrap_or_default();
        for file in left_behind(&records, &now, out) {
            let label = Run::LabelNote.text(messages::current());
            let stays = Message::from(Run::OutputStays { path: file });
            eprintln!("{label}: {stays}");
        }
        records = now;
        seen = settled;
    }
}

/// The outputs, still on disk, of the records in `before` that are not in `now`.
pub(crate) fn left_behind(before: &[Job], now: &[Job], out: &Path) -> Vec<PathBuf> {
    let stamps = Stamps::read(out);
    before
        .iter()
        .filter(|gone| !now.iter().any(|job| job.record == gone.record))
        .flat_map(|gone| {
            let mut files = stamps.outputs(&gone.relative);
            if files.is_empty() {
                files.push(gone.relative.clone());
            }
            files
        })
        .map(|relative| out.join(relative))
        .filter(|file| file.is_file())
        .collect()
}

/// What to watch: folders given, the folder of each file given (where a report's plan or a
/// letter's report usually lives), and the templates folder.
pub(crate) fn roots(inputs: &[PathBuf], templates: Option<&Path>) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = inputs
        .iter()
        .map(|input| match input.parent() {
            Some(parent) if input.is_file() => {
                if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                }
            }
            _ => input.clone(),
        })
        .collect();
    roots.extend(templates.map(Path::to_path_buf));
    roots.sort();
    roots.dedup();
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_of_a_deleted_record_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("a.docx"), "x").unwrap();
        let job = |name: &str| Job {
            record: PathBuf::from(format!("plans/{name}.toml")),
            relative: PathBuf::from(format!("{name}.docx")),
            root: PathBuf::from("plans"),
        };
        let before = [job("a"), job("b")];
        assert_eq!(left_behind(&before, &before, &out), Vec::<PathBuf>::new());
        assert_eq!(
            left_behind(&before, &[job("b")], &out),
            [out.join("a.docx")]
        );
        assert!(
            left_behind(&before, &[job("a")], &out).is_empty(),
            "b.docx was never written"
        );
    }

    #[test]
    fn snapshot_sees_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "x").unwrap();
        let out = dir.path().join("out");
        let before = snapshot(&[dir.path().to_path_buf()], &out);
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("a.docx"), "generated").unwrap();
        assert_eq!(
            before,
            snapshot(&[dir.path().to_path_buf()], &out),
            "outputs ignored"
        );
        std::fs::write(&file, "xy").unwrap();
        assert_ne!(before, snapshot(&[dir.path().to_path_buf()], &out));
    }
}
