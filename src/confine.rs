//! Reading records without trusting them: a record is read only if it is a regular file no
//! larger than [`RECORD_SIZE_LIMIT`] (so `/dev/zero` cannot eat the memory and a pipe or
//! `/dev/stdin` cannot hang `check`), and a record names other records (`ke_hoach`,
//! `kem_theo`) only by a relative path to a `.toml` file inside the folder tree being
//! rendered. A record shared by mistake can therefore neither read `/etc/passwd` nor print a
//! line of it in an error.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use toml::Spanned;

use crate::error::Error;
use crate::messages::{Check, Message, Run};
use crate::record::Loaded;

/// Largest record read, in bytes: 8 MiB, about 70,000 criteria with their remedies, fifty
/// times the largest real plan.
pub const RECORD_SIZE_LIMIT: u64 = 8 * 1024 * 1024;

/// Which record a record names, for messages about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// The plan of a report (`ke_hoach`).
    Plan,
    /// The document a Công văn sends (`kem_theo`).
    Document,
}

impl Named {
    /// "plan", "document" in a message.
    fn noun(self) -> Box<Message> {
        Box::new(match self {
            Named::Plan => Check::PlanNoun.into(),
            Named::Document => Check::DocumentNoun.into(),
        })
    }
}

fn too_large(path: &Path) -> Error {
    let mebibytes = RECORD_SIZE_LIMIT / (1024 * 1024);
    Error::about(path, Run::TooLarge { mebibytes }).help(Run::SplitRecord)
}

fn not_regular(path: &Path) -> Error {
    Error::about(path, Run::NotRegularFile).help(Run::GiveRecordPath)
}

/// Reads a record file: a regular file of at most [`RECORD_SIZE_LIMIT`] bytes.
pub fn read_record(path: &Path) -> Result<Vec<u8>, Error> {
    let cannot = |e: std::io::Error| {
        let cause = Box::new(Run::io(&e));
        Error::about(path, Run::CannotReadRecord { cause }).help(Run::CheckPathAndPermissions)
    };
    // Checked before opening: opening a pipe for reading waits for a writer.
    let metadata = std::fs::metadata(path).map_err(cannot)?;
    if !metadata.is_file() {
        return Err(not_regular(path));
    }
    if metadata.len() > RECORD_SIZE_LIMIT {
        return Err(too_large(path));
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    // The file may have been swapped or grown since; the open handle is what is read.
    if !file.metadata().map_err(cannot)?.is_file() {
        return Err(not_regular(path));
    }
    read_limited(file, path)
}

/// Reads at most [`RECORD_SIZE_LIMIT`] bytes from `reader` (the record at `path`), refusing a
/// longer one.
pub fn read_limited(reader: impl Read, path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(RECORD_SIZE_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            let cause = Box::new(Run::io(&e));
            Error::about(path, Run::CannotReadRecord { cause })
        })?;
    if bytes.len() as u64 > RECORD_SIZE_LIMIT {
        return Err(too_large(path));
    }
    Ok(bytes)
}

/// Resolves a record that `from` names (`what`: its plan or the document it sends), relative to `from`'s
/// folder. The reference must be a relative path to an existing regular `.toml` file and,
/// when `root` is given, lie inside it once symbolic links are followed.
pub fn reference(
    from: &Loaded,
    reference: &Spanned<String>,
    what: Named,
    root: Option<&Path>,
) -> Result<PathBuf, Error> {
    let written = Path::new(reference.get_ref());
    let refuse = |message: Check, help: Check| from.error_at(reference.span(), message, help);
    let shown = written.to_path_buf();
    if written
        .components()
        .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(refuse(
            Check::ReferenceAbsolute {
                what: what.noun(),
                path: shown,
            },
            Check::ReferencePathHelp { what: what.noun() },
        ));
    }
    if written.extension().is_none_or(|e| e != "toml") {
        return Err(refuse(
            Check::ReferenceNotToml {
                what: what.noun(),
                path: shown,
            },
            Check::NameTomlRecord { what: what.noun() },
        ));
    }
    let folder = from.path.parent().unwrap_or(Path::new("."));
    let path = folder.join(written);
    let Ok(resolved) = path.canonicalize() else {
        return Err(refuse(
            Check::ReferenceMissing {
                what: what.noun(),
                path,
            },
            Check::ReferencePathHelp { what: what.noun() },
        ));
    };
    if let Some(root) = root {
        let inside = root
            .canonicalize()
            .is_ok_and(|root| resolved.starts_with(root));
        if !inside {
            return Err(refuse(
                Check::ReferenceOutside {
                    what: what.noun(),
                    path: shown,
                    root: root.to_path_buf(),
                },
                Check::MoveReference { what: what.noun() },
            ));
        }
    }
    if !resolved.is_file() {
        return Err(refuse(
            Check::ReferenceNotRegular {
                what: what.noun(),
                path: shown,
            },
            Check::NameTomlRecord { what: what.noun() },
        ));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("a.toml");
        std::fs::write(&small, "loai = 1").unwrap();
        assert_eq!(read_record(&small).unwrap(), b"loai = 1");
        assert!(
            read_record(dir.path())
                .unwrap_err()
                .to_string()
                .contains("not a regular file")
        );
        let large = dir.path().join("b.toml");
        let file = std::fs::File::create(&large).unwrap();
        file.set_len(RECORD_SIZE_LIMIT + 1).unwrap();
        assert!(
            read_record(&large)
                .unwrap_err()
                .to_string()
                .contains("larger than 8 MiB")
        );
    }
}
