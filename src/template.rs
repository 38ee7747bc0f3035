//! The Tera 2 engine: built-in templates from templates/ compiled into the binary, replaced
//! file by file from a folder the clerk points at.
//!
//! Templates produce block markup (see `blocks`). Autoescape is on for every template and
//! its escape function is [`blocks::escape`], so record text is escaped exactly once and can
//! never become a directive, emphasis or template code. The filter `emphasis` lets a template
//! opt in to `**bold**` and `*italic*` inside record text; nothing else is unescaped.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tera::{Context, Kwargs, State, Tera, Value};

use crate::blocks;
use crate::derive::View;
use crate::error::{Error, Location};
use crate::messages::Run;
use crate::record::Kind;

/// Suffix of template files; autoescape applies to it.
pub const SUFFIX: &str = ".vb";

/// The template whose components the others use.
const COMPONENTS: &str = "chung.vb";

/// Templates compiled into the binary: (file name, text).
/// `chung.vb` holds the components the others use, so it is added first.
pub const BUILTIN: [(&str, &str); 4] = [
    ("chung.vb", include_str!("../templates/chung.vb")),
    ("ke-hoach.vb", include_str!("../templates/ke-hoach.vb")),
    ("bao-cao.vb", include_str!("../templates/bao-cao.vb")),
    ("cong-van.vb", include_str!("../templates/cong-van.vb")),
];

/// The loaded templates.
pub struct Templates {
    tera: Tera,
    /// Where each template came from, for messages.
    origins: Vec<(String, PathBuf)>,
    /// Templates that could not be read or compiled, with the error.
    broken: Vec<(String, Error)>,
    /// Digest of every template's name and text, so outputs can tell when templates changed.
    fingerprint: [u8; 32],
    /// Whether any template names the task groups (`nhom`) of the view.
    reads_tasks: bool,
}

fn escape_markup(input: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    output.write_all(blocks::escape(input).as_bytes())
}

fn emphasis(value: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&blocks::escape(value).replace("\\*", "*"))
}

impl Templates {
    /// Built-in templates, each replaced by a file of the same name in `folder` if present.
    ///
    /// A template that cannot be read or compiled does not stop the others: the records that
    /// use it fail with its error ([`Templates::load_error`]) and the rest render. Fails only
    /// when `folder` is given and is not a folder.
    pub fn load(folder: Option<&Path>) -> Result<Templates, Error> {
        if let Some(folder) = folder.filter(|f| !f.is_dir()) {
            return Err(Error::about(folder, Run::NoTemplatesFolder).help(Run::GiveTemplatesFolder));
        }
        let mut tera = Tera::new();
        tera.set_escape_fn(escape_markup);
        tera.register_filter("emphasis", emphasis);
        let mut origins = Vec::new();
        let mut broken = Vec::new();
        let mut digest = Sha256::new();
        let mut reads_tasks = false;
        let mut add = |name: &str, source: Result<(String, PathBuf), Error>| {
            let added = source.and_then(|(text, origin)| {
                reads_tasks |= names_tasks(&text);
                for part in [name.as_bytes(), text.as_bytes()] {
                    digest.update(part.len().to_le_bytes());
                    digest.update(part);
                }
                let added = tera.add_raw_template(name, &text).map_err(|e| {
                    // Tera names no place when the template a `{% extends %}` names is missing.
                    let parent =
                        extends_tag(&text).filter(|_| error_chain(&e).contains("inheriting from"));
                    match parent {
                        Some(span) => Error::located(
                            Location::from_span(&origin, &text, span),
                            Run::TemplateErrorAlone {
                                detail: error_chain(&e),
                            },
                        )
                        .help(Run::FixTemplate),
                        None => template_error(&origin, None, &e),
                    }
                });
                origins.push((name.to_string(), origin));
                added
            });
            if let Err(e) = added {
                broken.push((name.to_string(), e));
            }
        };
        for (name, builtin) in BUILTIN {
            let source = match folder.map(|f| f.join(name)).filter(|p| p.is_file()) {
                Some(path) => read(&path).map(|text| (text, path)),
                None => Ok((
                    builtin.to_string(),
                    PathBuf::from(format!("<built-in>/templates/{name}")),
                )),
            };
            add(name, source);
        }
        // A kind without a built-in template renders once the clerk adds `<kind>.vb`.
        for kind in Kind::ALL {
            let name = format!("{}{SUFFIX}", kind.code());
            if BUILTIN.iter().any(|(builtin, _)| *builtin == name) {
                continue;
            }
            if let Some(path) = folder.map(|f| f.join(&name)).filter(|p| p.is_file()) {
                add(&name, read(&path).map(|text| (text, path)));
            }
        }
        tera.autoescape_on([SUFFIX]);
        Ok(Templates {
            tera,
            origins,
            broken,
            fingerprint: digest.finalize().into(),
            reads_tasks,
        })
    }

    /// Whether any template reads the view's task groups (`nhom`).
    pub(crate) fn read_tasks(&self) -> bool {
        self.reads_tasks
    }

    /// Why records of `kind` cannot render: their template, or `chung.vb` whose components
    /// every template uses, could not be read or compiled.
    pub fn load_error(&self, kind: Kind) -> Option<Error> {
        let own = format!("{}{SUFFIX}", kind.code());
        [COMPONENTS, own.as_str()].iter().find_map(|name| {
            self.broken
                .iter()
                .find(|(broken, _)| broken == name)
                .map(|(_, e)| e.clone())
        })
    }

    /// Digest of the templates in use (built-in or overridden).
    pub fn fingerprint(&self) -> [u8; 32] {
        self.fingerprint
    }

    /// Whether a document kind has a template.
    pub fn supports(&self, kind: Kind) -> bool {
        self.tera
            .contains_template(&format!("{}{SUFFIX}", kind.code()))
    }

    /// Renders the body markup of one document.
    pub fn render(&self, view: &View, record: &Path) -> Result<String, Error> {
        let name = format!("{}{SUFFIX}", view.loai.ma);
        let context = Context::from_serialize(view)
            .map_err(|e| template_error(&self.origin(&name), Some(record), &e))?;
        self.tera
            .render(&name, &context)
            .map_err(|e| template_error(&self.origin(&name), Some(record), &e))
    }

    /// A template whose output is not valid block markup: the template is at fault, not the
    /// record, so the error names the template and the line of its output.
    pub fn markup_error(&self, view: &View, record: &Path, e: &blocks::MarkupError) -> Error {
        let name = format!("{}{SUFFIX}", view.loai.ma);
        let problem = Run::InvalidMarkup {
            record: record.to_path_buf(),
            line: e.line,
            problem: Box::new(e.problem.clone().into()),
            text: e.text.clone(),
        };
        Error::about(&self.origin(&name), problem).help(Run::CheckDirectives)
    }

    fn origin(&self, name: &str) -> PathBuf {
        self.origins
            .iter()
            .find(|(n, _)| n == name)
            .map_or_else(|| PathBuf::from(name), |(_, p)| p.clone())
    }
}

/// Tera's own account of a problem, cause by cause, as it wrote it.
fn error_chain(error: &tera::Error) -> String {
    let mut causes = Vec::new();
    let mut cause: Option<&dyn std::error::Error> = Some(error);
    while let Some(current) = cause {
        let text = current.to_string();
        causes.push(text.strip_prefix("error: ").unwrap_or(&text).to_string());
        cause = current.source();
    }
    causes.join("\n")
}

/// Where a template's `{% extends "…" %}` names its parent: the quoted name's span.
fn extends_tag(text: &str) -> Option<std::ops::Range<usize>> {
    let tag = text.find("{%")?;
    let rest = &text[tag..];
    let end = rest.find("%}")?;
    let inner = &rest[..end];
    let keyword = inner.find("extends")?;
    let quote = inner[keyword..].find(['"', '\''])? + keyword;
    let close = inner[quote + 1..].find(['"', '\''])? + quote + 1;
    Some(tag + quote..tag + close + 1)
}

fn template_error(origin: &Path, record: Option<&Path>, error: &tera::Error) -> Error {
    let detail = error_chain(error);
    let message = match record {
        Some(record) => Run::TemplateError {
            record: record.to_path_buf(),
            detail,
        },
        None => Run::TemplateErrorAlone { detail },
    };
    Error::about(origin, message).help(Run::FixTemplate)
}

/// Whether template text names the view's task groups: `nhom` as a word of its own (not part
/// of `theo_nhom`, which is the report's counts).
fn names_tasks(text: &str) -> bool {
    text.match_indices("nhom").any(|(at, word)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let part_of_name = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part_of_name(before) && !part_of_name(after)
    })
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        let cause = Box::new(Run::io(&e));
        Error::about(path, Run::CannotReadTemplate { cause })
    })
}

/// Writes the built-in templates into `folder` for editing; existing files are kept.
pub fn export(folder: &Path) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(folder).map_err(|e| Error::output_io(folder, &e))?;
    let mut written = Vec::new();
    for (name, text) in BUILTIN {
        let path = folder.join(name);
        if path.exists() {
            continue;
        }
        crate::output::write_record(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parent_an_extends_tag_names_is_found() {
        let text = "{#- c -#}\n{% extends \"khong-co.vb\" %}\n";
        let span = extends_tag(text).unwrap();
        assert_eq!(&text[span], "\"khong-co.vb\"");
        assert_eq!(extends_tag("@p {{ x }}"), None);
    }

    #[test]
    fn task_groups_are_read_only_where_a_template_names_them() {
        assert!(names_tasks("{% for g in nhom %}"));
        assert!(names_tasks("{{ nhom[0].ten }}"));
        assert!(!names_tasks("{% for g in tong_hop.theo_nhom %}"));
        assert!(!Templates::load(None).unwrap().read_tasks());
    }
}
