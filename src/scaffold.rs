//! `vanban new`: complete records, one per kind, with a Vietnamese comment on every key, that
//! render as they are. They live in templates/records/ and are compiled in, so the scaffold a
//! clerk gets always matches the record format of the binary they run.

use std::path::Path;

use crate::error::Error;
use crate::messages::{Check, List, Run};

/// The kinds `vanban new` knows: (name on the command line, record text).
pub(crate) const SCAFFOLDS: [(&str, &str); 4] = [
    (
        "ke-hoach",
        include_str!("../templates/records/ke-hoach.toml"),
    ),
    ("bao-cao", include_str!("../templates/records/bao-cao.toml")),
    (
        "cong-van",
        include_str!("../templates/records/cong-van.toml"),
    ),
    ("phu-luc", include_str!("../templates/records/phu-luc.toml")),
];

/// Writes the scaffold for `kind` to `path`; an existing file is never replaced.
pub(crate) fn write(kind: &str, path: &Path) -> Result<(), Error> {
    let Some((_, text)) = SCAFFOLDS.iter().find(|(name, _)| *name == kind) else {
        let names: Vec<&str> = SCAFFOLDS.iter().map(|(n, _)| *n).collect();
        let kind = kind.to_string();
        return Err(
            Error::about(path, Run::NoScaffold { kind }).help(Check::UseOneOf {
                values: List::of(names),
            }),
        );
    };
    if path.extension().is_none_or(|e| e != "toml") {
        return Err(Error::about(path, Run::NotTomlName).help(Run::RenderLooksForToml));
    }
    if path.exists() {
        return Err(Error::about(path, Run::AlreadyExists).help(Run::ChooseAnotherName));
    }
    crate::output::write_record(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scaffold_loads_and_says_what_it_is() {
        for (kind, text) in SCAFFOLDS {
            let loaded = crate::record::parse(Path::new("mau.toml"), text)
                .unwrap_or_else(|e| panic!("{kind}:\n{e}"));
            assert!(text.starts_with('#'), "{kind} starts with an explanation");
            // A document says what it is about; a Phụ lục file holds its tables only.
            let about = loaded
                .record
                .trich_yeu
                .as_ref()
                .is_some_and(|t| !t.is_empty());
            assert!(about || !loaded.record.phu_luc.is_empty(), "{kind}");
        }
    }

    #[test]
    fn an_existing_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.toml");
        std::fs::write(&path, "mine").unwrap();
        assert!(write("ke-hoach", &path).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        assert!(write("ke-hoach", &dir.path().join("k.txt")).is_err());
        write("cong-van", &dir.path().join("cv.toml")).unwrap();
    }
}
