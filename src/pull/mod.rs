//! `vanban pull`: what a person corrected in a rendered document, in Word or LibreOffice,
//! brought back into the record it came from.
//!
//! At render, every .docx gets its provenance (`provenance`): for each paragraph and cell,
//! the record fields it shows and the template's words around them. `pull` reads an edited
//! file (`read`: tracked insertions kept, deletions dropped, comments listed), lines its
//! paragraphs and cells up with that provenance by text (`align`), so however the editor
//! split the runs the same text is the same unit, turns each difference into a change of
//! the record or a finding of what cannot go back (`changes`), and with `--apply` writes the
//! changes into the TOML in place (`apply`, under `edit`'s lock, atomically).

mod align;
mod apply;
mod changes;
pub(crate) mod leaves;
mod map;
pub(crate) mod path;
pub(crate) mod provenance;
mod read;
mod units;

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::messages::{Message, Pull, Run};
use crate::record::{self, DocDate};

pub(crate) use changes::{Change, Finding};
pub(crate) use read::{Comment, Revision};

/// What a record gives every document rendered from it: the provenance is built from these.
#[derive(Debug)]
pub(crate) struct Source {
    record: String,
    date: Option<String>,
    leaves: Vec<leaves::Leaf>,
}

impl Source {
    /// Takes the record's strings out of `loaded`.
    pub(crate) fn of(loaded: &mut record::Loaded) -> Source {
        let leaves = std::mem::take(&mut loaded.leaves);
        Source {
            record: loaded
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            date: iso_date(loaded.date),
            leaves,
        }
    }

    /// What watches a document rendered from the record as it is written, and gives its
    /// provenance part.
    pub(crate) fn recorder(&self) -> provenance::Recorder<'_> {
        let builder = provenance::Builder::new(&self.record, self.date.as_deref(), &self.leaves);
        provenance::Recorder::new(builder)
    }
}

fn iso_date(d: DocDate) -> Option<String> {
    Some(format!("{:04}-{:02}-{:02}", d.year, d.month?, d.day?))
}

/// What `pull` found in one document.
#[derive(Debug)]
pub(crate) struct Pulled {
    /// The record the document came from.
    pub record: PathBuf,
    pub findings: Vec<Finding>,
    pub revisions: Vec<Revision>,
    pub comments: Vec<Comment>,
    /// Line of each field in the record (for messages).
    pub lines: std::collections::HashMap<path::FieldPath, usize>,
    /// Changes written, with `--apply`.
    pub written: Option<usize>,
    /// The date of new progress entries.
    pub date: Option<toml_edit::Datetime>,
    /// With `--apply`, when every edit went into the record: the next render replaces the
    /// document instead of keeping it as edited by hand.
    pub replaced_by_render: bool,
}

/// Options of `pull`.
#[derive(Debug, Default)]
pub(crate) struct Options {
    /// The record, when the document's own folder does not lead to it.
    pub record: Option<PathBuf>,
    /// The date of progress entries made from edited cells; the document's date otherwise.
    pub date: Option<toml_edit::Datetime>,
    pub apply: bool,
}

fn refuse(path: &Path, message: impl Into<Message>, help: impl Into<Message>) -> Error {
    Error::about(path, message).help(help)
}

/// The output folder a document lies in (the nearest folder above it holding the stamps),
/// and its path there.
fn output_folder(docx: &Path) -> Option<(PathBuf, PathBuf)> {
    let docx = docx.canonicalize().ok()?;
    docx.ancestors().skip(1).find_map(|out| {
        out.join(crate::output::STAMPS).is_file().then(|| {
            let relative = docx.strip_prefix(out).unwrap_or(&docx).to_path_buf();
            (out.to_path_buf(), relative)
        })
    })
}

/// After every edit of `docx` went into its record, lets the next `vanban render` replace it
/// (it would otherwise be kept as a file edited by hand). Whether it will be.
fn let_render_replace(docx: &Path, bytes: &[u8]) -> bool {
    let Some((out, relative)) = output_folder(docx) else {
        return false;
    };
    let mut stamps = crate::stamp::Stamps::read(&out);
    stamps.adopt(&relative, &crate::stamp::digest(bytes)) && stamps.write(&out).is_ok()
}

/// Where the record named `name` may be, for a document at `docx`: beside it, or at the same
/// place below a records folder (`plans/`) as the document is below its output folder (the
/// folder holding `.vanban-stamps`).
fn candidates(docx: &Path, name: &str) -> Vec<PathBuf> {
    // Made absolute as written, not canonical: on Windows a canonical path is a verbatim one
    // (`\\?\C:\…`), which the messages would show to the clerk.
    let docx = std::path::absolute(docx).unwrap_or_else(|_| docx.to_path_buf());
    let folder = docx.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut found = vec![folder.join(name)];
    let cwd = std::env::current_dir().unwrap_or_default();
    for out in folder.ancestors() {
        if !out.join(crate::output::STAMPS).is_file() {
            continue;
        }
        let below = folder.strip_prefix(out).unwrap_or(Path::new(""));
        if let Some(up) = out.parent() {
            found.push(up.join("plans").join(below).join(name));
            found.push(up.join(below).join(name));
        }
        found.push(cwd.join("plans").join(below).join(name));
        break;
    }
    found.push(cwd.join("plans").join(name));
    found
}

/// Reads `docx`, finds its record and what changed; with `options.apply`, writes the changes.
pub(crate) fn pull(docx: &Path, options: &Options) -> Result<Pulled, Error> {
    let bytes = std::fs::read(docx).map_err(|e| {
        let cause = Box::new(Run::io(&e));
        Error::about(docx, Run::CannotReadPlan { cause }).help(Run::CheckPathAndPermissions)
    })?;
    let (provenance, document) = read::package(&bytes).map_err(|e| {
        let detail = match e {
            read::Unreadable::NotZip(d) | read::Unreadable::NotWord(d) => d,
        };
        refuse(docx, Pull::NotADocx { detail }, Pull::PullOnlyRendered)
    })?;
    let provenance =
        provenance.ok_or_else(|| refuse(docx, Pull::NotByVanban, Pull::PullOnlyRendered))?;
    let record_path = match &options.record {
        Some(given) => {
            let name = given.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.as_deref() != Some(provenance.record.as_str()) {
                let message = Pull::OtherRecord {
                    record: provenance.record,
                    given: given.clone(),
                };
                return Err(refuse(docx, message, Pull::GiveItsRecord));
            }
            given.clone()
        }
        None => candidates(docx, &provenance.record)
            .into_iter()
            .find(|p| p.is_file())
            .ok_or_else(|| {
                let record = provenance.record.clone();
                refuse(docx, Pull::RecordNotFound { record }, Pull::GiveRecord)
            })?,
    };
    let date = options.date.or_else(|| {
        provenance
            .date
            .as_deref()
            .and_then(crate::progress::parse_date)
    });
    let compute = |source: &str| -> Result<(Vec<Finding>, Vec<leaves::Leaf>), Error> {
        let current = record::parse(&record_path, source)?.leaves;
        let base: Vec<(String, units::Place)> = provenance
            .entries
            .iter()
            .map(|e| (e.text(), e.place))
            .collect();
        let edited: Vec<(String, units::Place)> = document
            .units
            .iter()
            .map(|u| (u.text.clone(), u.place))
            .collect();
        let steps = align::align(&base, &edited);
        let findings = changes::find(&provenance, &document.units, &steps, &current);
        Ok((findings, current))
    };
    let mut written = None;
    let (findings, current) = if options.apply {
        let record_for_messages = record_path.clone();
        crate::edit::in_place(&record_path, |text| {
            let (findings, current) = compute(text)?;
            let mut toml: toml_edit::DocumentMut =
                text.parse().map_err(|e: toml_edit::TomlError| {
                    let detail = e.to_string();
                    Error::about(&record_for_messages, Run::CannotEdit { detail })
                        .help(Run::FixTomlFirst)
                })?;
            let changes: Vec<Change> = findings
                .iter()
                .filter_map(|f| match f {
                    Finding::Change(c) => Some(c.clone()),
                    _ => None,
                })
                .collect();
            written = Some(apply::apply(&mut toml, &changes, date));
            let edited = toml.to_string();
            record::parse(&record_for_messages, &edited)?;
            Ok((edited, (findings, current)))
        })?
    } else {
        let loaded = record::load(&record_path)?;
        compute(&loaded.source)?
    };
    let complete = written.is_some() && findings.iter().all(|f| matches!(f, Finding::Change(_)));
    let replaced_by_render = complete && let_render_replace(docx, &bytes);
    Ok(Pulled {
        replaced_by_render,
        record: record_path,
        lines: current.into_iter().map(|l| (l.path, l.line)).collect(),
        findings,
        revisions: document.revisions,
        comments: document.comments,
        written,
        date,
    })
}
