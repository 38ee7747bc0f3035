//! Editing a record in place, for `progress` and `pull`: the file keeps its identity. The
//! edit is made under an exclusive lock (two clerks editing at once both keep their change;
//! the lock is a file of its own, see [`EditLock`]), through a symbolic link to its target,
//! with the file's permissions, owner, line endings and byte-order mark; a read-only record
//! is refused, and the new text replaces the old atomically.

use std::fs;
use std::io::{Seek, Write};
use std::path::Path;

use crate::error::Error;
use crate::messages::Run;
use crate::record;

/// Edits the record at `plan`: `edit` gets its text (no byte-order mark, LF line endings)
/// and returns the new text and a value to hand back. On any error the file is left untouched.
pub(crate) fn in_place<T>(
    plan: &Path,
    edit: impl FnOnce(&str) -> Result<(String, T), Error>,
) -> Result<T, Error> {
    let cannot = |e: std::io::Error| {
        let cause = Box::new(Run::io(&e));
        Error::about(plan, Run::CannotReadPlan { cause }).help(Run::CheckPathAndPermissions)
    };
    // The file a symbolic link points at is the plan; the link stays a link.
    let path = plan.canonicalize().map_err(cannot)?;
    // Waits while another `vanban progress` edits the same plan.
    let _editing = EditLock::take(&path).map_err(cannot)?;
    let metadata = fs::metadata(&path).map_err(cannot)?;
    if !metadata.is_file() {
        return Err(Error::about(plan, Run::NotRegularFile).help(Run::GivePlanPath));
    }
    if metadata.permissions().readonly() {
        return Err(read_only(plan));
    }
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => read_only(plan),
            _ => cannot(e),
        })?;
    let bytes = crate::confine::read_limited(&file, plan)?;
    let text = record::decode(plan, bytes)?;
    let form = FileForm::of(&text);
    let (edited, value) = edit(&form.to_plain(&text))?;
    let edited = form.restore(&edited);
    if has_other_names(&metadata) {
        // A hard-linked plan is rewritten in place, so every name sees the entry.
        rewrite_in_place(&mut file, edited.as_bytes()).map_err(|e| Error::output_io(plan, &e))?;
    } else {
        // Closed before it is replaced: Windows refuses to replace a file that is open.
        drop(file);
        crate::output::replace_record(&path, edited.as_bytes(), &metadata)?;
    }
    Ok(value)
}

fn read_only(plan: &Path) -> Error {
    Error::about(plan, Run::PlanReadOnly).help(Run::MakeWritable)
}

/// How the clerk's editor saved the file: byte-order mark, and CRLF line endings throughout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileForm {
    bom: bool,
    crlf: bool,
}

impl FileForm {
    fn of(text: &str) -> FileForm {
        let lines = text.matches('\n').count();
        FileForm {
            bom: text.starts_with('\u{feff}'),
            crlf: lines > 0 && text.matches("\r\n").count() == lines,
        }
    }

    /// The text as the editor below works on it: no mark, LF line endings.
    fn to_plain(self, text: &str) -> String {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if self.crlf {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        }
    }

    /// The edited text saved the way the file was.
    fn restore(self, text: &str) -> String {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text.to_string()
        };
        if self.bom {
            format!("\u{feff}{text}")
        } else {
            text
        }
    }
}

/// An exclusive lock held for the whole edit of one plan, on a file of its own in the
/// system's temporary folder, named by a digest of the plan's path. Locking the plan itself
/// would keep it open, and Windows refuses to replace a file that is open; with the lock
/// apart, the plan is read, closed and replaced while no other `vanban progress` can read it.
struct EditLock {
    /// Locked while open: closing it, when the edit is done, unlocks it.
    _held: fs::File,
}

impl EditLock {
    fn take(plan: &Path) -> std::io::Result<EditLock> {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(plan.as_os_str().as_encoded_bytes());
        let name: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        let path = std::env::temp_dir().join(format!("vanban-{name}.lock"));
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            // Another user's lock file of the same plan: reading is enough to lock it.
            .or_else(|_| fs::File::open(&path))?;
        file.lock()?;
        Ok(EditLock { _held: file })
    }
}

/// Whether the file has other names (hard links) that a replacement would split off.
fn has_other_names(metadata: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        metadata.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        false
    }
}

fn rewrite_in_place(file: &mut fs::File, bytes: &[u8]) -> std::io::Result<()> {
    file.seek(std::io::SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_byte_order_mark_survive() {
        for text in [
            "a\r\nb\r\n",
            "\u{feff}a\nb\n",
            "\u{feff}a\r\nb\r\n",
            "a\r\nb\n",
        ] {
            let form = FileForm::of(text);
            assert_eq!(form.restore(&form.to_plain(text)), text);
            assert!(!form.to_plain(text).starts_with('\u{feff}'));
        }
        let form = FileForm::of("a\r\nb\r\n");
        assert_eq!(form.restore("a\nb\nc\n"), "a\r\nb\r\nc\r\n");
    }
}
