//! Errors a clerk can act on: every problem names the file, line and column, shows the line
//! with the spot underlined, and says what to do.
//!
//! Stages return [`Error`]; only `main` prints it. Record problems carry a byte span into the
//! source text so that problems found after parsing still point at the right line. Messages
//! are shown in the clerk's language (`i18n`).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::tr;

/// Where in a source file a problem is, plus the text to show it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The line, or for a long line the part of it around the column, marked "…" where cut.
    pub source_line: String,
    /// Where the underline starts in `source_line` (1-based characters).
    pub snippet_column: u32,
    pub width: u32,
}

/// Lines longer than this many characters are shown cut around the column.
const SNIPPET_WIDTH: usize = 100;
/// Characters of a cut line shown before the column.
const SNIPPET_BEFORE: usize = 30;

impl Location {
    /// Turns a byte span of `source` into a 1-based line and column (columns count characters).
    pub fn from_span(path: &Path, source: &str, span: std::ops::Range<usize>) -> Location {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.min(source.len())).max(start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let line_chars: Vec<char> = source[line_start..line_end]
            .trim_end_matches('\r')
            .chars()
            .map(visible)
            .collect();
        let width = source[start..end.min(line_end)].chars().count().max(1);
        let (source_line, snippet_column, width) = snippet(&line_chars, column, width);
        // Both are at most SNIPPET_WIDTH + 1 once cut; small fields keep `Error` small.
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let (snippet_column, width) = (small(snippet_column), small(width));
        Location {
            path: path.to_path_buf(),
            line,
            column,
            source_line,
            snippet_column,
            width,
        }
    }
}

/// The part of a line shown under a message: the whole line when it is short, else a window
/// of [`SNIPPET_WIDTH`] characters around `column`, so one error on a 1 MB line prints a line,
/// not a megabyte. Returns the text, the column within it and the underline width.
fn snippet(line: &[char], column: usize, width: usize) -> (String, usize, usize) {
    if line.len() <= SNIPPET_WIDTH {
        return (line.iter().collect(), column, width);
    }
    let from = (column - 1).saturating_sub(SNIPPET_BEFORE).min(line.len());
    let to = (from + SNIPPET_WIDTH).min(line.len());
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    text.extend(&line[from..to]);
    if to < line.len() {
        text.push('…');
    }
    let snippet_column = column - from + usize::from(from > 0);
    let width = width.min(to.saturating_sub(column - 1)).max(1);
    (text, snippet_column, width)
}

/// Control characters shown as their Unicode control pictures (U+0007 → ␇) so that the
/// underline lands on something the clerk can see.
fn visible(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f if c != '\t' => char::from_u32(0x2400 + code).unwrap_or('?'),
        0x7f => '␡',
        _ => c,
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Everything that can stop a render.
#[derive(Debug, Clone)]
pub enum Error {
    /// A record (or template) with a problem at a known place.
    Source {
        location: Location,
        message: String,
        help: Option<String>,
    },
    /// A file-level problem with no line to point at (unreadable, not UTF-8, not found).
    File {
        path: PathBuf,
        message: String,
        help: Option<String>,
    },
    /// Writing an output failed; the previous output, if any, is intact.
    Output { path: PathBuf, message: String },
}

impl Error {
    pub fn at(location: Location, message: impl Into<String>, help: Option<String>) -> Error {
        Error::Source {
            location,
            message: message.into(),
            help,
        }
    }

    pub fn file(path: &Path, message: impl Into<String>, help: Option<String>) -> Error {
        Error::File {
            path: path.to_path_buf(),
            message: message.into(),
            help,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Source {
                location,
                message,
                help,
            } => write_located(f, "error", location, message, help.as_deref()),
            Error::File {
                path,
                message,
                help,
            } => {
                write!(f, "{}: {}: {}", tr("error"), path.display(), tr(message))?;
                if let Some(help) = help {
                    write!(f, "\n  = {}: {}", tr("help"), tr(help))?;
                }
                Ok(())
            }
            Error::Output { path, message } => {
                let cannot = format!("cannot write {}: {message}", path.display());
                write!(f, "{}: {}", tr("error"), tr(&cannot))
            }
        }
    }
}

impl std::error::Error for Error {}

/// One problem as data, for `vanban check --format json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: &'static str,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Error {
    pub fn diagnostic(&self) -> Diagnostic {
        let (file, line, column, message, help) = match self {
            Error::Source {
                location,
                message,
                help,
            } => (
                &location.path,
                Some(location.line),
                Some(location.column),
                message,
                help.clone(),
            ),
            Error::File {
                path,
                message,
                help,
            } => (path, None, None, message, help.clone()),
            Error::Output { path, message } => (path, None, None, message, None),
        };
        Diagnostic {
            severity: "error",
            file: file.display().to_string(),
            line,
            column,
            message: message.clone(),
            help,
        }
    }
}

impl Warning {
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic {
            severity: "warning",
            file: self.location.path.display().to_string(),
            line: Some(self.location.line),
            column: Some(self.location.column),
            message: self.message.clone(),
            help: None,
        }
    }
}

/// A problem that does not stop the render, shown with its place like an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_located(f, "warning", &self.location, &self.message, None)
    }
}

/// The shared layout of errors and warnings: message, place, the line with the spot
/// underlined, then what to do.
fn write_located(
    f: &mut fmt::Formatter<'_>,
    severity: &str,
    l: &Location,
    message: &str,
    help: Option<&str>,
) -> fmt::Result {
    let gutter = l.line.to_string().len();
    writeln!(f, "{}: {}", tr(severity), tr(message))?;
    writeln!(
        f,
        "{:gutter$}--> {}:{}:{}",
        "",
        l.path.display(),
        l.line,
        l.column
    )?;
    writeln!(f, "{:gutter$} |", "")?;
    writeln!(f, "{} | {}", l.line, l.source_line)?;
    let pad = " ".repeat(l.snippet_column.saturating_sub(1) as usize);
    write!(f, "{:gutter$} | {pad}{}", "", "^".repeat(l.width as usize))?;
    if let Some(help) = help {
        write!(f, "\n{:gutter$} = {}: {}", "", tr("help"), tr(help))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_becomes_line_and_character_column() {
        let source = "a = 1\nngày = \"x\"\n";
        let start = source.find("\"x\"").unwrap();
        let loc = Location::from_span(Path::new("p.toml"), source, start..start + 3);
        assert_eq!((loc.line, loc.column, loc.width), (2, 8, 3));
        assert_eq!(loc.source_line, "ngày = \"x\"");
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let source = format!(
            "ten = \"{}\u{7}{}\"\n",
            "a".repeat(500_000),
            "b".repeat(500_000)
        );
        let start = source.find('\u{7}').unwrap();
        let loc = Location::from_span(Path::new("p.toml"), &source, start..start + 1);
        assert_eq!(loc.column, 500_008);
        assert_eq!(loc.source_line.chars().count(), SNIPPET_WIDTH + 2);
        let shown: String = loc
            .source_line
            .chars()
            .skip(loc.snippet_column as usize - 1)
            .take(2)
            .collect();
        assert_eq!(shown, "␇b");
        let text = Error::at(loc, "bad", None).to_string();
        assert!(text.len() < 600, "{}", text.len());
    }

    #[test]
    fn display_underlines_the_spot() {
        let source = "so = -1\n";
        let loc = Location::from_span(Path::new("k.toml"), source, 5..7);
        let text = Error::at(loc, "bad number", Some("use 1 or more".into())).to_string();
        assert_eq!(
            text,
            "error: bad number\n --> k.toml:1:6\n  |\n1 | so = -1\n  |      ^^\n  = help: use 1 or more"
        );
    }
}
