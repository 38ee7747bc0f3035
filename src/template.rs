//! The Tera 2 engine: built-in templates from templates/ compiled into the binary, replaced
//! file by file from a folder the clerk points at.
//!
//! Templates produce block markup (see `blocks`). Autoescape is on for every template and
//! its escape function is [`blocks::escape`], so record text is escaped exactly once and can
//! never become a directive, emphasis or template code. The filter `emphasis` lets a template
//! opt in to `**bold**` and `*italic*` inside record text; nothing else is unescaped. The
//! filter `ket` ends a clause of record text with one mark, whatever the clerk typed there.
//!
//! Templates are read when loaded but compiled on first use, per document kind and once per
//! process: only `chung.vb`, the kind's own template and any template it names, in one go. A
//! one-document run compiles two templates, not all of them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

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

/// A template as read: its name, text and where it came from.
struct Source {
    name: String,
    text: String,
    origin: PathBuf,
}

/// The loaded templates.
pub struct Templates {
    /// Every template that could be read, built-in or the clerk's.
    sources: Vec<Source>,
    /// Templates that could not be read, with the error.
    broken: Vec<(String, Error)>,
    /// Per kind of [`Kind::ALL`], its templates compiled, or why they do not compile.
    compiled: Vec<OnceLock<Result<Tera, Error>>>,
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

/// `{{ x | ket }}` or `{{ x | ket(dau=";") }}`: record text that ends a clause, followed by
/// the clause's mark (a full stop unless `dau` says otherwise), as list items end
/// ([`crate::text::end_with`]): "Thường xuyên." never prints "Thường xuyên..". The text stays
/// data: it is escaped like any other value.
#[allow(
    clippy::needless_pass_by_value,
    reason = "Tera's Filter trait hands a filter its arguments by value"
)]
fn ket(value: &str, kwargs: Kwargs, _: &State) -> tera::TeraResult<Value> {
    let mark: &str = kwargs.get("dau")?.unwrap_or(".");
    Ok(Value::from(crate::text::end_with(value, mark)))
}

/// An engine with vanban's escaping and filters and no templates yet.
fn engine() -> Tera {
    let mut tera = Tera::new();
    tera.set_escape_fn(escape_markup);
    tera.register_filter("emphasis", emphasis);
    tera.register_filter("ket", ket);
    tera.autoescape_on([SUFFIX]);
    tera
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
        let mut sources = Vec::new();
        let mut broken = Vec::new();
        let mut digest = Sha256::new();
        let mut add = |name: &str, source: Result<(String, PathBuf), Error>| match source {
            Ok((text, origin)) => {
                for part in [name.as_bytes(), text.as_bytes()] {
                    digest.update(part.len().to_le_bytes());
                    digest.update(part);
                }
                sources.push(Source {
                    name: name.to_string(),
                    text,
                    origin,
                });
            }
            Err(e) => broken.push((name.to_string(), e)),
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
        let reads_tasks = sources.iter().any(|s| names_tasks(&s.text));
        Ok(Templates {
            sources,
            broken,
            compiled: Kind::ALL.iter().map(|_| OnceLock::new()).collect(),
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
        let own = own_name(kind);
        let unread = [COMPONENTS, own.as_str()].iter().find_map(|name| {
            self.broken
                .iter()
                .find(|(broken, _)| broken == name)
                .map(|(_, e)| e.clone())
        });
        unread.or_else(|| {
            self.supports(kind)
                .then(|| self.compiled(kind).err().cloned())
                .flatten()
        })
    }

    /// Digest of the templates in use (built-in or overridden).
    pub fn fingerprint(&self) -> [u8; 32] {
        self.fingerprint
    }

    /// Whether a document kind has a template.
    pub fn supports(&self, kind: Kind) -> bool {
        self.source(&own_name(kind)).is_some()
    }

    fn source(&self, name: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.name == name)
    }

    /// The templates of `kind`, compiled on first use.
    fn compiled(&self, kind: Kind) -> Result<&Tera, &Error> {
        let index = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        self.compiled[index]
            .get_or_init(|| self.compile(kind))
            .as_ref()
    }

    /// Compiles what a record of `kind` uses: `chung.vb`, the kind's template and every
    /// template those name, all in one go (Tera links them once). When that fails they are
    /// added one at a time, in that order, to name the template at fault.
    fn compile(&self, kind: Kind) -> Result<Tera, Error> {
        let mut used: Vec<&Source> = [COMPONENTS, own_name(kind).as_str()]
            .iter()
            .filter_map(|name| self.source(name))
            .collect();
        let mut next = 0;
        while let Some(source) = used.get(next) {
            let text = &source.text;
            let named: Vec<&Source> = self
                .sources
                .iter()
                .filter(|s| text.contains(s.name.as_str()))
                .filter(|s| !used.iter().any(|u| u.name == s.name))
                .collect();
            used.extend(named);
            next += 1;
        }
        let mut tera = engine();
        let all = used.iter().map(|s| (s.name.as_str(), s.text.as_str()));
        if tera.add_raw_templates(all).is_ok() {
            return Ok(tera);
        }
        let mut tera = engine();
        for source in used {
            tera.add_raw_template(&source.name, &source.text)
                .map_err(|e| compile_error(source, &e))?;
        }
        Ok(tera)
    }

    /// Renders the body markup of one document of `kind`.
    pub fn render(&self, kind: Kind, view: &View, record: &Path) -> Result<String, Error> {
        let name = own_name(kind);
        let origin = self.origin(&name);
        let tera = self.compiled(kind).map_err(Error::clone)?;
        let context =
            Context::from_serialize(view).map_err(|e| template_error(&origin, Some(record), &e))?;
        let mut markup = Vec::new();
        tera.render_to(&name, &context, &mut markup)
            .map_err(|e| template_error(&origin, Some(record), &e))?;
        crate::text::utf8(markup).map_err(|e| template_error(&origin, Some(record), &e.into()))
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
        self.source(name)
            .map_or_else(|| PathBuf::from(name), |s| s.origin.clone())
    }
}

/// The name of the template of a document kind.
fn own_name(kind: Kind) -> String {
    format!("{}{SUFFIX}", kind.code())
}

/// A template that does not compile, named with Tera's account of why.
fn compile_error(source: &Source, e: &tera::Error) -> Error {
    // Tera names no place when the template a `{% extends %}` names is missing.
    let parent = extends_tag(&source.text).filter(|_| error_chain(e).contains("inheriting from"));
    match parent {
        Some(span) => Error::located(
            Location::from_span(&source.origin, &source.text, span),
            Run::TemplateErrorAlone {
                detail: error_chain(e),
            },
        )
        .help(Run::FixTemplate),
        None => template_error(&source.origin, None, e),
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
    fn a_clause_ends_with_one_mark_whatever_the_clerk_typed() {
        let mut tera = engine();
        tera.add_raw_template(
            "t.vb",
            "{{ x | ket }}|{{ x | ket(dau=\";\") }}|{{ y | ket }}|{{ z | ket }}",
        )
        .unwrap();
        let mut context = Context::new();
        context.insert("x", "Thường xuyên. ");
        context.insert("y", "Quý IV/2024");
        context.insert("z", "**a**;");
        assert_eq!(
            tera.render("t.vb", &context).unwrap(),
            "Thường xuyên.|Thường xuyên;|Quý IV/2024.|\\*\\*a\\*\\*."
        );
    }

    #[test]
    fn task_groups_are_read_only_where_a_template_names_them() {
        assert!(names_tasks("{% for g in nhom %}"));
        assert!(names_tasks("{{ nhom[0].ten }}"));
        assert!(!names_tasks("{% for g in tong_hop.theo_nhom %}"));
        assert!(!Templates::load(None).unwrap().read_tasks());
    }
}
