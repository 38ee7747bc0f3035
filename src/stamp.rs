//! Knowing when a record need not be rendered again: the digest of everything a render reads
//! (vanban's version, the templates, the options, the record's bytes, the bytes of the plan a
//! report names) is kept beside the outputs in `<out>/.vanban-stamps`, with the files the
//! record named and a digest of each output file. A record is skipped only when its input
//! digest matches and every output is still there, byte for byte, as vanban wrote it; anything
//! else (an edit, a deleted or hand-changed output, a new vanban) renders again. Since the
//! stamp lists the files the record named, the digest is taken from raw bytes before the
//! record is parsed: an unchanged record costs two file reads and their digests. The output
//! digests are also how render tells its own files from files a person changed: those are
//! kept, not replaced (see `batch`).
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::output;

use output::STAMPS as FILE;

/// Hex digest of a byte string.
pub(crate) fn digest(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Digest of the inputs of one render; `parts` are fed length-prefixed so no two different
/// input lists can collide by concatenation.
pub(crate) fn inputs<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for part in parts {
        hasher.update(part.len().to_le_bytes());
        hasher.update(part);
    }
    hex(&hasher.finalize())
}

/// What was recorded for one record: its input digest (which covers the bytes of the records
/// it named), the records it named (a report's plan, the document a Công văn sends), and its
/// outputs with their digests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub inputs: String,
    pub named: Vec<PathBuf>,
    pub outputs: Vec<(PathBuf, String)>,
}

/// The stamps of an output folder, keyed by the record's main output (relative path).
#[derive(Debug, Default)]
pub(crate) struct Stamps {
    entries: BTreeMap<PathBuf, Stamp>,
}

impl Stamps {
    /// Reads `<out>/.vanban-stamps`; a missing or unreadable file means nothing is known.
    pub(crate) fn read(out: &Path) -> Stamps {
        let text = std::fs::read_to_string(out.join(FILE)).unwrap_or_default();
        let mut entries = BTreeMap::new();
        let mut current: Option<(PathBuf, Stamp)> = None;
        for line in text.lines() {
            if let Some(path) = line.strip_prefix("named ") {
                if let Some((_, stamp)) = current.as_mut() {
                    stamp.named.push(PathBuf::from(unescape(path)));
                }
                continue;
            }
            let mut fields = line.splitn(3, ' ');
            match (fields.next(), fields.next(), fields.next()) {
                (Some("record"), Some(inputs), Some(key)) => {
                    entries.extend(current.take());
                    let stamp = Stamp {
                        inputs: inputs.to_string(),
                        named: Vec::new(),
                        outputs: Vec::new(),
                    };
                    current = Some((PathBuf::from(unescape(key)), stamp));
                }
                (Some("output"), Some(digest), Some(path)) => {
                    if let Some((_, stamp)) = current.as_mut() {
                        stamp
                            .outputs
                            .push((PathBuf::from(unescape(path)), digest.to_string()));
                    }
                }
                _ => {}
            }
        }
        entries.extend(current);
        Stamps { entries }
    }

    /// Whether the record keyed `key` with input digest `inputs` can be skipped: same inputs,
    /// and every output under `out` still holds the bytes vanban wrote.
    pub(crate) fn is_current(&self, out: &Path, key: &Path, inputs: &str) -> bool {
        let Some(stamp) = self.entries.get(key) else {
            return false;
        };
        stamp.inputs == inputs
            && !stamp.outputs.is_empty()
            && stamp.outputs.iter().all(|(path, expected)| {
                std::fs::read(out.join(path)).is_ok_and(|bytes| digest(&bytes) == *expected)
            })
    }

    /// The records that the record keyed `key` named when it was last written, as its
    /// render found them; `None` when nothing is known of it.
    pub(crate) fn named(&self, key: &Path) -> Option<impl Iterator<Item = &Path>> {
        let stamp = self.entries.get(key)?;
        Some(stamp.named.iter().map(PathBuf::as_path))
    }

    /// The outputs recorded for a record (relative to the output folder).
    pub(crate) fn outputs(&self, key: &Path) -> Vec<PathBuf> {
        self.entries
            .get(key)
            .map(|s| s.outputs.iter().map(|(p, _)| p.clone()).collect())
            .unwrap_or_default()
    }

    /// The digest vanban last wrote to each output (relative path), whichever record wrote it.
    pub(crate) fn written_digests(&self) -> HashMap<PathBuf, String> {
        self.entries
            .values()
            .flat_map(|stamp| stamp.outputs.iter().cloned())
            .collect()
    }

    /// Takes `digest` as what vanban wrote to `output` (relative to the output folder), so the
    /// next render replaces that file: `pull --apply` brought every edit of it into the
    /// record. Whether some record had written it.
    pub(crate) fn adopt(&mut self, output: &Path, digest: &str) -> bool {
        let mut found = false;
        for stamp in self.entries.values_mut() {
            for (path, written) in &mut stamp.outputs {
                if path == output {
                    *written = digest.to_string();
                    found = true;
                }
            }
        }
        found
    }

    pub(crate) fn insert(&mut self, key: PathBuf, stamp: Stamp) {
        self.entries.insert(key, stamp);
    }

    /// Writes the stamps atomically; entries are sorted, so the file is deterministic.
    pub(crate) fn write(&self, out: &Path) -> Result<(), Error> {
        let mut text = String::from(
            "# vanban: digests of what rendered each output; without them, outputs are kept until --force\n",
        );
        for (key, stamp) in &self.entries {
            text.push_str(&format!("record {} {}\n", stamp.inputs, escape(key)));
            for path in &stamp.named {
                text.push_str(&format!("named {}\n", escape(path)));
            }
            for (path, digest) in &stamp.outputs {
                text.push_str(&format!("output {digest} {}\n", escape(path)));
            }
        }
        output::write_atomic(&out.join(FILE), text.as_bytes())
    }
}

/// A path on one line of the stamps file: a file name may hold a line break (or a
/// backslash), which would otherwise start a line of its own.
fn escape(path: &Path) -> String {
    path.to_string_lossy()
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            plain.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => plain.push('\n'),
            Some('r') => plain.push('\r'),
            Some(other) => plain.push(other),
            None => plain.push('\\'),
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_digest_depends_on_every_part_and_its_boundaries() {
        let a = inputs([b"ab".as_slice(), b"c"]);
        assert_eq!(a, inputs([b"ab".as_slice(), b"c"]));
        assert_ne!(a, inputs([b"a".as_slice(), b"bc"]));
        assert_ne!(a, inputs([b"ab".as_slice(), b"d"]));
        assert_eq!(a.len(), 64);
    }

    #[test]
    fn any_file_name_stays_on_its_line() {
        let out = tempfile::tempdir().unwrap();
        let key = PathBuf::from("a\noutput 00 evil\\n\r.docx");
        let mut stamps = Stamps::default();
        stamps.insert(
            key.clone(),
            Stamp {
                inputs: "i1".into(),
                named: vec![PathBuf::from("a/ke hoach.toml")],
                outputs: vec![(key.clone(), "d1".into())],
            },
        );
        stamps.write(out.path()).unwrap();
        let text = std::fs::read_to_string(out.path().join(FILE)).unwrap();
        assert_eq!(text.lines().count(), 4, "{text}");
        let read = Stamps::read(out.path());
        assert_eq!(
            read.named(&key).unwrap().collect::<Vec<_>>(),
            [Path::new("a/ke hoach.toml")]
        );
        assert_eq!(read.outputs(&key), [key]);
        assert_eq!(read.written_digests().len(), 1);
    }

    #[test]
    fn an_adopted_output_is_one_vanban_wrote() {
        let mut stamps = Stamps::default();
        let key = PathBuf::from("a/k.docx");
        let stamp = Stamp {
            inputs: "i1".into(),
            named: Vec::new(),
            outputs: vec![(key.clone(), "d1".into())],
        };
        stamps.insert(key.clone(), stamp);
        assert!(stamps.adopt(&key, "d2"));
        assert!(!stamps.adopt(Path::new("other.docx"), "d3"));
        assert_eq!(stamps.written_digests()[&key], "d2");
    }

    #[test]
    fn stamps_round_trip_and_notice_a_changed_output() {
        let out = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(out.path().join("a b")).unwrap();
        std::fs::write(out.path().join("a b/k.docx"), b"docx").unwrap();
        let mut stamps = Stamps::default();
        let key = PathBuf::from("a b/k.docx");
        stamps.insert(
            key.clone(),
            Stamp {
                inputs: "i1".into(),
                named: Vec::new(),
                outputs: vec![(key.clone(), digest(b"docx"))],
            },
        );
        stamps.write(out.path()).unwrap();
        let read = Stamps::read(out.path());
        assert!(read.is_current(out.path(), &key, "i1"));
        assert!(!read.is_current(out.path(), &key, "i2"));
        std::fs::write(out.path().join("a b/k.docx"), b"edited in Word").unwrap();
        assert!(!read.is_current(out.path(), &key, "i1"));
    }
}
