//! The only place that writes files: finding records, mirroring their paths into the output
//! folder, and writing atomically (temporary file in the target folder, then rename), so a
//! failed render never leaves a half-written file or destroys the previous output.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::error::Error;
use crate::messages::Run;

/// The file, in an output folder, that holds the stamps (`stamp`): vanban's own, like the
/// documents it writes there.
pub(crate) const STAMPS: &str = ".vanban-stamps";

/// A record to render and where its output goes, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Job {
    pub record: PathBuf,
    pub relative: PathBuf,
    /// The folder given on the command line this record was found in (a file's own folder):
    /// the records it names must lie inside it.
    pub root: PathBuf,
}

/// Finds the records named by `inputs`: files as given, folders walked for `*.toml` in sorted
/// order. A folder's records keep their path below it; a file keeps its name.
pub(crate) fn discover(inputs: &[PathBuf]) -> Result<Vec<Job>, Error> {
    let mut jobs = Vec::new();
    for input in inputs {
        if input.is_file() {
            let name = input.file_name().map(PathBuf::from).unwrap_or_default();
            let root = input
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            jobs.push(Job {
                record: input.clone(),
                relative: name.with_extension("docx"),
                root: root.to_path_buf(),
            });
            continue;
        }
        if input.exists() && !input.is_dir() {
            return Err(Error::about(input, Run::NotRegularInput).help(Run::GiveRecordOrFolder));
        }
        if !input.is_dir() {
            return Err(Error::about(input, Run::NoSuchInput).help(Run::GiveRecordOrFolder));
        }
        // Symbolic links are followed, so a record linked into the folder renders like any
        // other; a link loop stops the walk with a message.
        let walk = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let path = match entry {
                Ok(entry) if entry.file_type().is_dir() => continue,
                Ok(entry) => entry.into_path(),
                Err(e) => {
                    let path = e.path().unwrap_or(input).to_path_buf();
                    if let Some(ancestor) = e.loop_ancestor() {
                        let ancestor = ancestor.to_path_buf();
                        return Err(
                            Error::about(&path, Run::LinkLoop { ancestor }).help(Run::RemoveLink)
                        );
                    }
                    let broken_link =
                        fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                    if !broken_link {
                        let cause = Box::new(match e.io_error() {
                            Some(io) => Run::io(io),
                            None => Run::IoOther {
                                detail: e.to_string(),
                            }
                            .into(),
                        });
                        return Err(Error::about(&path, Run::CannotReadFolder { cause }));
                    }
                    // A link to nothing (or to itself): a record is reported when it is
                    // read; any other file is none of vanban's business.
                    path
                }
            };
            if path.extension().is_some_and(|e| e == "toml") {
                let relative = path
                    .strip_prefix(input)
                    .unwrap_or(&path)
                    .with_extension("docx");
                jobs.push(Job {
                    record: path.clone(),
                    relative,
                    root: input.clone(),
                });
            }
        }
    }
    Ok(jobs)
}

/// `a/b.docx` with suffix "-phu-luc" → `a/b-phu-luc.docx`.
pub(crate) fn with_suffix(relative: &Path, suffix: &str) -> PathBuf {
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
pub(crate) fn output_path(out: &Path, relative: &Path) -> Result<PathBuf, Error> {
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
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_temporary(path, bytes, false, None)
}

/// Writes a record, the clerk's source of truth, like [`write_atomic`] but flushed to disk
/// before the rename, so that a power cut leaves the old record or the new one.
pub(crate) fn write_record(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_temporary(path, bytes, true, None)
}

/// Replaces an existing record like [`write_record`], giving the new file the permissions and,
/// where the system allows, the owner of the old one (`original`, its metadata), so a private
/// plan stays private and a shared one stays shared.
pub(crate) fn replace_record(
    path: &Path,
    bytes: &[u8],
    original: &fs::Metadata,
) -> Result<(), Error> {
    write_via_temporary(path, bytes, true, Some(original))
}

/// Gives `file` the permissions and owner recorded in `original`.
fn take_identity(file: &fs::File, original: &fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(original.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Best effort: only the superuser may give a file away to another user.
        let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
    }
    Ok(())
}

fn write_via_temporary(
    path: &Path,
    bytes: &[u8],
    durable: bool,
    like: Option<&fs::Metadata>,
) -> Result<(), Error> {
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
        if let Some(original) = like {
            take_identity(&file, original)?;
        }
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

/// Removes the temporary files that a run killed mid-write (`kill -9`, a power cut) left in
/// `out`: `.<name>.<pid>.tmp` whose process is gone. Where running processes cannot be listed
/// (no `/proc`), a temporary file older than an hour counts as abandoned: a write takes
/// milliseconds.
pub(crate) fn remove_abandoned_temporaries(out: &Path) {
    let processes = Path::new("/proc/self")
        .exists()
        .then_some(Path::new("/proc"));
    let walk = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok);
    for entry in walk.filter(|e| e.file_type().is_file()) {
        let Some(pid) = temporary_owner(&entry.file_name().to_string_lossy()) else {
            continue;
        };
        let abandoned = match processes {
            Some(proc) => pid != std::process::id() && !proc.join(pid.to_string()).exists(),
            None => entry
                .metadata()
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600)),
        };
        if abandoned {
            // Best effort: another run may have removed it first.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in the name of a temporary file vanban writes into an output folder
/// (`.<name>.docx.<pid>.tmp`, `.vanban-stamps.<pid>.tmp`); other programs' files are never
/// taken for one.
fn temporary_owner(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, pid) = inner.rsplit_once('.')?;
    let output = stem.len() > ".docx".len() && stem.ends_with(".docx");
    let ours = output || stem == STAMPS.trim_start_matches('.');
    if !ours {
        return None;
    }
    pid.parse().ok()
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
    fn temporary_files_of_dead_runs_are_removed_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let ours = format!(".a.docx.{}.tmp", std::process::id());
        // Process ids above the kernel's maximum (4,194,304) are never running.
        let names = [
            ".a.docx.4294967295.tmp",
            ours.as_str(),
            "b.docx",
            ".c.tmp",
            ".notes.txt.4294967295.tmp",
        ];
        for name in names {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_abandoned_temporaries(dir.path());
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        if Path::new("/proc/self").exists() {
            assert_eq!(
                left,
                [
                    ours.as_str(),
                    ".c.tmp",
                    ".notes.txt.4294967295.tmp",
                    "b.docx"
                ]
            );
        }
        assert_eq!(temporary_owner(".x.docx.12.tmp"), Some(12));
        assert_eq!(temporary_owner(".vanban-stamps.12.tmp"), Some(12));
        assert_eq!(temporary_owner(".docx.12.tmp"), None);
        assert_eq!(temporary_owner(".12.tmp"), None);
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
