//! `vanban pull`: brings the edits of a rendered document back into its record.

use std::path::{Path, PathBuf};

use super::fail;
use crate::error::Error;
use crate::messages::{self, Message, Pull, Run};
use crate::pull::{self, Change, Finding, Options};

/// Prints what `docx` changes in its record; with `apply`, writes it.
pub(super) fn pull(docx: &Path, record: Option<PathBuf>, date: Option<&str>, apply: bool) -> i32 {
    let date = match date {
        Some(text) => match crate::progress::parse_date(text) {
            Some(d) => Some(d),
            None => {
                let text = text.to_string();
                return fail(&Error::about(docx, Run::NotADate { text }).help(Run::WriteDate));
            }
        },
        None => None,
    };
    let options = Options {
        record,
        date,
        apply,
    };
    let pulled = match pull::pull(docx, &options) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let file = pulled.record.display().to_string();
    // The line of a field, or of the first field inside it (a table, a list).
    let place = |path: &pull::path::FieldPath| {
        let line = pulled.lines.get(path).copied().or_else(|| {
            pulled
                .lines
                .iter()
                .filter(|(p, _)| p.0.starts_with(&path.0))
                .map(|(_, line)| *line)
                .min()
        });
        match line {
            Some(line) => format!("{file}:{line}"),
            None => file.clone(),
        }
    };
    let (mut changes, mut refused) = (0, 0);
    // Paragraphs added at one place take the positions after it, in order.
    let mut added_at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let lang = messages::current();
    for finding in &pulled.findings {
        let message: Message = match finding {
            Finding::Change(change) => {
                changes += 1;
                match change {
                    Change::Set {
                        path,
                        before,
                        after,
                    } => Pull::Changed {
                        place: place(path),
                        field: path.to_string(),
                        before: before.clone(),
                        after: after.clone(),
                    }
                    .into(),
                    Change::Insert {
                        array, index, text, ..
                    } => Pull::Added {
                        field: {
                            let before = added_at.entry(format!("{array}[{index}]")).or_default();
                            *before += 1;
                            format!("{array}[{}]", index + *before - 1)
                        },
                        place: place(
                            &array.child(pull::path::Step::Index(index.saturating_sub(1))),
                        ),
                        text: text.clone(),
                    }
                    .into(),
                    Change::Remove { path, text, .. } => Pull::Removed {
                        place: place(path),
                        field: path.to_string(),
                        text: text.clone(),
                    }
                    .into(),
                    Change::Progress { item, text } => Pull::Progress {
                        place: place(item),
                        field: format!("{item}.tien_do"),
                        date: pulled.date.map(|d| d.to_string()).unwrap_or_default(),
                        text: text.clone(),
                    }
                    .into(),
                }
            }
            Finding::NotFromRecord {
                at,
                before,
                after,
                why,
            } => {
                refused += 1;
                Pull::NotFromRecord {
                    at: Box::new(at.clone()),
                    before: before.clone(),
                    after: after.clone(),
                    why: Box::new(why.clone()),
                }
                .into()
            }
            Finding::Conflict {
                path,
                record,
                document,
            } => {
                refused += 1;
                Pull::Conflict {
                    place: place(path),
                    field: path.to_string(),
                    record: record.clone(),
                    document: document.clone(),
                }
                .into()
            }
        };
        println!("{}", message.text(lang));
    }
    for r in &pulled.revisions {
        let (author, text) = (r.author.clone(), r.text.clone());
        let message: Message = if r.inserted {
            Pull::Inserted { author, text }.into()
        } else {
            Pull::Deleted { author, text }.into()
        };
        println!("{}", message.text(lang));
    }
    for c in &pulled.comments {
        let message: Message = Pull::Comment {
            author: c.author.clone(),
            anchored: c.anchored.clone(),
            text: c.text.clone(),
        }
        .into();
        println!("{}", message.text(lang));
    }
    let summary: Message = match pulled.written {
        _ if pulled.findings.is_empty() => Pull::Nothing.into(),
        Some(written) => Pull::Applied {
            changes: written,
            path: pulled.record.clone(),
            refused,
        }
        .into(),
        None => Pull::Summary { changes, refused }.into(),
    };
    println!("{}", summary.text(lang));
    if pulled.written.is_some() && !pulled.findings.is_empty() {
        let path = docx.to_path_buf();
        let next: Message = if pulled.replaced_by_render {
            Pull::RenderReplaces { path }.into()
        } else {
            Pull::RenderKeeps { path }.into()
        };
        println!("{}", next.text(lang));
    }
    0
}
