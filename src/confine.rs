//! Reading records without trusting them: a record is read only if it is a regular file no
//! larger than [`RECORD_SIZE_LIMIT`], so `/dev/zero` cannot eat the memory and a pipe or
//! `/dev/stdin` cannot hang `check`. (Which files a record may name is `record::reference`.)

use std::io::Read;
use std::path::Path;

use crate::error::Error;
use crate::messages::Run;

/// Largest record read, in bytes: 8 MiB, about 70,000 criteria with their remedies, fifty
/// times the largest real plan.
pub const RECORD_SIZE_LIMIT: u64 = 8 * 1024 * 1024;

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
