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
use crate::record::Loaded;

/// Largest record read, in bytes: 8 MiB, about 70,000 criteria with their remedies, fifty
/// times the largest real plan.
pub const RECORD_SIZE_LIMIT: u64 = 8 * 1024 * 1024;

fn too_large(path: &Path) -> Error {
    Error::file(
        path,
        format!(
            "the file is larger than {} MiB, the most vanban reads as a record",
            RECORD_SIZE_LIMIT / (1024 * 1024)
        ),
        Some("split the record into several records, one per document".into()),
    )
}

fn not_regular(path: &Path) -> Error {
    Error::file(
        path,
        "not a regular file (a folder, device or pipe)",
        Some("give the path of a .toml record".into()),
    )
}

/// Reads a record file: a regular file of at most [`RECORD_SIZE_LIMIT`] bytes.
pub fn read_record(path: &Path) -> Result<Vec<u8>, Error> {
    let cannot = |e: std::io::Error| {
        Error::file(
            path,
            format!("cannot read the record: {e}"),
            Some("check the path and permissions".into()),
        )
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
        .map_err(|e| Error::file(path, format!("cannot read the record: {e}"), None))?;
    if bytes.len() as u64 > RECORD_SIZE_LIMIT {
        return Err(too_large(path));
    }
    Ok(bytes)
}

/// Resolves a record that `from` names (`what`: "plan", "document"), relative to `from`'s
/// folder. The reference must be a relative path to an existing regular `.toml` file and,
/// when `root` is given, lie inside it once symbolic links are followed.
pub fn reference(
    from: &Loaded,
    reference: &Spanned<String>,
    what: &str,
    root: Option<&Path>,
) -> Result<PathBuf, Error> {
    let written = Path::new(reference.get_ref());
    let refuse = |message: String, help: String| from.error_at(reference.span(), message, &help);
    if written
        .components()
        .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(refuse(
            format!("the {what} `{}` is an absolute path", written.display()),
            format!("give the {what}'s path relative to this record's folder"),
        ));
    }
    if written.extension().is_none_or(|e| e != "toml") {
        return Err(refuse(
            format!("the {what} `{}` is not a .toml record", written.display()),
            format!("name the {what}'s .toml record"),
        ));
    }
    let folder = from.path.parent().unwrap_or(Path::new("."));
    let path = folder.join(written);
    let Ok(resolved) = path.canonicalize() else {
        return Err(refuse(
            format!("the {what} `{}` does not exist", path.display()),
            format!("give the {what}'s path relative to this record's folder"),
        ));
    };
    if let Some(root) = root {
        let inside = root
            .canonicalize()
            .is_ok_and(|root| resolved.starts_with(root));
        if !inside {
            return Err(refuse(
                format!(
                    "the {what} `{}` lies outside {}, the folder being rendered",
                    written.display(),
                    root.display()
                ),
                format!("move the {what} into that folder, or render the folder that holds both"),
            ));
        }
    }
    if !resolved.is_file() {
        return Err(refuse(
            format!("the {what} `{}` is not a regular file", written.display()),
            format!("name the {what}'s .toml record"),
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
