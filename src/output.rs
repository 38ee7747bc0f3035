//! The only place that writes files: finding records, mirroring their paths into the output
//! folder, and writing atomically (temporary file in the target folder, then rename), so a
//! failed render never leaves a half-written file or destroys the previous output.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::error::Error;
use crate::messages::Run;

/// A record to render and where its output goes, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub record: PathBuf,
    pub relative: PathBuf,
}

/// Finds the records named by `inputs`: files as given, folders walked for `*.toml` in sorted
/// order. A folder's records keep their path below it; a file keeps its name.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Job>, Error> {
    let mut jobs = Vec::new();
    for input in inputs {
        if input.is_file() {
            let name = input.file_name().map(PathBuf::from).unwrap_or_default();
            jobs.push(Job {
                record: input.clone(),
                relative: name.with_extension("docx"),
            });
            continue;
        }
        if !input.is_dir() {
            return Err(Error::about(input, Run::NoSuchInput).help(Run::GiveRecordOrFolder));
        }
        for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                let path = e.path().unwrap_or(input).to_path_buf();
                let cause = match e.io_error() {
                    Some(io) => Run::io(io),
                    None => Run::IoOther {
                        detail: e.to_string(),
                    }
                    .into(),
                };
                Error::about(
                    &path,
                    Run::CannotReadFolder {
                        cause: Box::new(cause),
                    },
                )
            })?;
            let path = entry.path();
            if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "toml") {
                let relative = path
                    .strip_prefix(input)
                    .unwrap_or(path)
                    .with_extension("docx");
                jobs.push(Job {
                    record: path.to_path_buf(),
                    relative,
                });
            }
        }
    }
    Ok(jobs)
}

/// `a/b.docx` with suffix "-phu-luc" → `a/b-phu-luc.docx`.
pub fn with_suffix(relative: &Path, suffix: &str) -> PathBuf {
    if suffix.is_empty() {
        return relative.to_path_buf();
    }
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    relative.with_file_name(format!("{stem}{suffix}.docx"))
}

/// Joins `relative` under `out`, refusing anything that would land outside it.
pub fn output_path(out: &Path, relative: &Path) -> Result<PathBuf, Error> {
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !safe || relative.as_os_str().is_empty() {
        return Err(Error::output(relative, Run::OutsideOutputFolder));
    }
    Ok(out.join(relative))
}

/// Writes a generated file (an output, the stamps) through a temporary file in the same folder
/// and a rename. Not flushed to disk first: a generated file lost to a power cut is rendered
/// again, and flushing each of a thousand outputs costs a tenth of a batch.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_temporary(path, bytes, false)
}

/// Writes a record, the clerk's source of truth, like [`write_atomic`] but flushed to disk
/// before the rename, so that a power cut leaves the old record or the new one.
pub fn write_record(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_temporary(path, bytes, true)
}

fn write_via_temporary(path: &Path, bytes: &[u8], durable: bool) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::output_io(path, &e);
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(fail)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        if durable {
            file.sync_all()?;
        }
        Ok(())
    })();
    let result = written.map_err(fail).and_then(|()| {
        fs::rename(&temporary, path).map_err(|e| {
            if held_open(&e, path) {
                Error::output(path, Run::IoLocked)
            } else {
                fail(e)
            }
        })
    });
    if result.is_err() {
        // Best effort: the temporary file is ours and must not be left behind.
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Whether replacing `path` failed because another program holds it open without sharing, as
/// Word holds every document it has open. On Windows that is a sharing or lock violation, or
/// "access denied" on a file that is not read-only (the folder took the temporary file, so it
/// is writable). Elsewhere an open file never stops a rename.
fn held_open(error: &std::io::Error, path: &Path) -> bool {
    const ACCESS_DENIED: i32 = 5;
    const SHARING_VIOLATION: i32 = 32;
    const LOCK_VIOLATION: i32 = 33;
    let writable = || fs::metadata(path).is_ok_and(|m| !m.permissions().readonly());
    cfg!(windows)
        && match error.raw_os_error() {
            Some(SHARING_VIOLATION | LOCK_VIOLATION) => true,
            Some(ACCESS_DENIED) => writable(),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_cannot_escape_the_output_folder() {
        let out = Path::new("out");
        assert_eq!(
            output_path(out, Path::new("a/b.docx")).unwrap(),
            Path::new("out/a/b.docx")
        );
        assert!(output_path(out, Path::new("../b.docx")).is_err());
        assert!(output_path(out, Path::new("/etc/b.docx")).is_err());
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x/y.docx");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["y.docx"]);
    }

    #[test]
    fn folders_are_walked_in_order_and_mirrored() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("b")).unwrap();
        fs::write(dir.path().join("b/z.toml"), "").unwrap();
        fs::write(dir.path().join("a.toml"), "").unwrap();
        fs::write(dir.path().join("notes.md"), "").unwrap();
        let jobs = discover(&[dir.path().to_path_buf()]).unwrap();
        let relative: Vec<_> = jobs.iter().map(|j| j.relative.clone()).collect();
        assert_eq!(
            relative,
            [PathBuf::from("a.docx"), PathBuf::from("b/z.docx")]
        );
    }
}
