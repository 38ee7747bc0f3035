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
use crate::error::Error;
use crate::messages::Run;
use crate::record::Kind;

/// Suffix of template files; autoescape applies to it.
pub const SUFFIX: &str = ".vb";

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
    /// Digest of every template's name and text, so outputs can tell when templates changed.
    fingerprint: [u8; 32],
}

fn escape_markup(input: &str, output: &mut dyn std::io::Write) -> std::io::Result<()> {
    output.write_all(blocks::escape(input).as_bytes())
}

fn emphasis(value: &str, _: Kwargs, _: &State) -> Value {
    Value::safe_string(&blocks::escape(value).replace("\\*", "*"))
}

impl Templates {
    /// Built-in templates, each replaced by a file of the same name in `folder` if present.
    pub fn load(folder: Option<&Path>) -> Result<Templates, Error> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape_markup);
        tera.register_filter("emphasis", emphasis);
        let mut origins = Vec::new();
        let mut digest = Sha256::new();
        let mut add = |name: &str, text: &str, origin: PathBuf| -> Result<(), Error> {
            tera.add_raw_template(name, text)
                .map_err(|e| template_error(&origin, None, &e))?;
            for part in [name.as_bytes(), text.as_bytes()] {
                digest.update(part.len().to_le_bytes());
                digest.update(part);
            }
            origins.push((name.to_string(), origin));
            Ok(())
        };
        for (name, builtin) in BUILTIN {
            match folder.map(|f| f.join(name)).filter(|p| p.is_file()) {
                Some(path) => add(name, &read(&path)?, path)?,
                None => add(
                    name,
                    builtin,
                    PathBuf::from(format!("<built-in>/templates/{name}")),
                )?,
            }
        }
        // A kind without a built-in template renders once the clerk adds `<kind>.vb`.
        for kind in Kind::ALL {
            let name = format!("{}{SUFFIX}", kind.code());
            if BUILTIN.iter().any(|(builtin, _)| *builtin == name) {
                continue;
            }
            if let Some(path) = folder.map(|f| f.join(&name)).filter(|p| p.is_file()) {
                add(&name, &read(&path)?, path)?;
            }
        }
        tera.autoescape_on([SUFFIX]);
        Ok(Templates {
            tera,
            origins,
            fingerprint: digest.finalize().into(),
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

fn template_error(origin: &Path, record: Option<&Path>, error: &tera::Error) -> Error {
    // Tera's own account of the problem, cause by cause, as it wrote it.
    let mut causes = Vec::new();
    let mut cause: Option<&dyn std::error::Error> = Some(error);
    while let Some(current) = cause {
        let text = current.to_string();
        causes.push(text.strip_prefix("error: ").unwrap_or(&text).to_string());
        cause = current.source();
    }
    let detail = causes.join("\n");
    let message = match record {
        Some(record) => Run::TemplateError {
            record: record.to_path_buf(),
            detail,
        },
        None => Run::TemplateErrorAlone { detail },
    };
    Error::about(origin, message).help(Run::FixTemplate)
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
