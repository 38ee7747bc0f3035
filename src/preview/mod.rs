//! `vanban preview`: page images of documents, because a clerk checks a document by looking at
//! it. Records are rendered in memory (the output folder and its stamps are never touched);
//! .docx files are taken only when vanban wrote them. The documents go through LibreOffice to
//! PDF (`pdf`) and through a rasteriser to PNG pages (`raster`), all inside a staging folder in
//! the output folder; each image is then written whole (temporary file and rename), so an
//! interrupted preview never leaves a half-written image. `sheet` puts one document's pages
//! side by side in one image.

mod raster;
mod sheet;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Warning};
use crate::messages::{Preview as Said, Run};
use crate::template::Templates;
use crate::{RenderOptions, output};

/// A document to look at: the name its images take (relative to the output folder, without
/// extension), where it came from (for messages) and its .docx bytes.
#[derive(Debug)]
pub(crate) struct Document {
    pub name: PathBuf,
    pub source: PathBuf,
    pub bytes: Vec<u8>,
}

/// What the command line asks for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// Resolution of the images.
    pub dpi: u32,
    /// Only the first pages of each document.
    pub pages: Option<u32>,
    /// One image per document with its pages side by side, instead of one image per page.
    pub sheet: bool,
}

/// The programs a preview needs, found before anything is written.
#[derive(Debug)]
pub(crate) struct Tools {
    pub office: PathBuf,
    pub rasteriser: PathBuf,
}

/// One page as rasterised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    pub number: u32,
    pub width: u32,
    pub height: u32,
}

impl Page {
    pub(crate) fn landscape(&self) -> bool {
        self.width > self.height
    }
}

/// The images written for one document.
#[derive(Debug)]
pub(crate) struct Preview {
    pub name: PathBuf,
    /// The pages shown, in order.
    pub pages: Vec<Page>,
    /// One image per page, or the one contact sheet.
    pub images: Vec<PathBuf>,
}

/// What `<Application>` says in docProps/app.xml of every package vanban writes
/// (`docx::package`).
const GENERATOR: &str = "vanban";

/// Time allowed for one LibreOffice run, as for `render --pdf`.
const OFFICE_TIME_LIMIT: Duration = Duration::from_secs(300);

/// Renders the records and reads the .docx files named by `paths`, in order; returns the
/// documents and the records' warnings. Nothing is written.
pub(crate) fn load(
    paths: &[PathBuf],
    templates: &Templates,
) -> Result<(Vec<Document>, Vec<Warning>), Error> {
    let mut documents = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        {
            documents.push(read_docx(path)?);
            continue;
        }
        for job in output::discover(std::slice::from_ref(path))? {
            let rendered = crate::render(&job.record, templates, RenderOptions::default())?;
            warnings.extend(rendered.warnings);
            for file in rendered.files {
                documents.push(Document {
                    name: output::with_suffix(&job.relative, &file.suffix).with_extension(""),
                    source: job.record.clone(),
                    bytes: file.bytes,
                });
            }
        }
    }
    if documents.is_empty() {
        let folders: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(
            Error::about(Path::new(&folders.join(", ")), Said::NoRecordsHere)
                .help(Said::GiveRecordsOrDocx),
        );
    }
    refuse_collisions(&documents)?;
    Ok((documents, warnings))
}

/// A .docx given on the command line, refused unless vanban wrote it: a file edited in Word
/// or written by another program is not what the record gives.
fn read_docx(path: &Path) -> Result<Document, Error> {
    let bytes = std::fs::read(path).map_err(|e| {
        let message = if e.kind() == std::io::ErrorKind::NotFound {
            Said::NoSuchFile
        } else {
            Said::CannotReadFile {
                cause: Box::new(Run::io(&e)),
            }
        };
        Error::about(path, message).help(Said::GiveRecordOrDocx)
    })?;
    match generator(&bytes) {
        Some(application) if application == GENERATOR => Ok(Document {
            name: PathBuf::from(path.file_stem().unwrap_or_default()),
            source: path.to_path_buf(),
            bytes,
        }),
        found => {
            let by = found.map_or(Said::NoAppName, |application| Said::AppNames {
                application,
            });
            let message = Said::NotByVanban {
                by: Box::new(by.into()),
            };
            Err(Error::about(path, message).help(Said::PreviewTheRecord))
        }
    }
}

/// The `<Application>` of a package's docProps/app.xml; None when the bytes are not a zip or
/// have no such part.
fn generator(bytes: &[u8]) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut app = String::new();
    zip.by_name("docProps/app.xml")
        .ok()?
        .take(1 << 20)
        .read_to_string(&mut app)
        .ok()?;
    let start = app.find("<Application>")? + "<Application>".len();
    let end = start + app[start..].find("</Application>")?;
    Some(app[start..end].trim().to_string())
}

/// Two documents whose images would have the same names (`a/x.toml` and `b/x.docx`).
fn refuse_collisions(documents: &[Document]) -> Result<(), Error> {
    for (index, document) in documents.iter().enumerate() {
        if let Some(earlier) = documents[..index].iter().find(|d| d.name == document.name) {
            let message = Said::SameImages {
                earlier: earlier.source.clone(),
                name: document.name.clone(),
            };
            return Err(Error::about(&document.source, message).help(Said::SeparateRuns));
        }
    }
    Ok(())
}

/// Finds LibreOffice and the rasteriser; the error says which is missing and how to install it.
pub(crate) fn find_tools() -> Result<Tools, Error> {
    let preview = Path::new("preview");
    let office = crate::pdf::find_office()
        .ok_or_else(|| Error::about(preview, Said::NoOfficeForImages).help(Run::InstallOffice))?;
    let rasteriser = raster::find()
        .ok_or_else(|| Error::about(preview, Said::NoPdftoppm).help(Said::InstallPoppler))?;
    Ok(Tools { office, rasteriser })
}

/// Writes the page images (or contact sheets) of `documents` into `out`.
pub(crate) fn run(
    documents: &[Document],
    tools: &Tools,
    out: &Path,
    settings: Settings,
) -> Result<Vec<Preview>, Error> {
    let staging = staging_folder(out)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| Error::output_io(&path, &e)
    };
    let mut staged = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        let stem = document
            .name
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        let path = staging.path().join(format!("{index}-{stem}.docx"));
        std::fs::write(&path, &document.bytes).map_err(io(&path))?;
        staged.push(path);
    }
    let pdfs = crate::pdf::convert(
        &tools.office,
        &staged,
        crate::pdf::PdfKind::Plain,
        OFFICE_TIME_LIMIT,
    )?;
    let mut previews = Vec::new();
    for (index, (document, pdf)) in documents.iter().zip(&pdfs).enumerate() {
        let prefix = staging.path().join(format!("{index}-page"));
        let pages = raster::rasterise(&tools.rasteriser, pdf, &prefix, settings)?;
        let images = if settings.sheet {
            let stem = document
                .name
                .file_name()
                .unwrap_or_default()
                .to_string_lossy();
            let target = out
                .join(&document.name)
                .with_file_name(format!("{stem}.png"));
            let paths: Vec<PathBuf> = pages.iter().map(|(path, _)| path.clone()).collect();
            output::write_atomic(&target, &sheet::compose(&paths, settings.dpi)?)?;
            vec![target]
        } else {
            place_pages(out, &document.name, &pages)?
        };
        previews.push(Preview {
            name: document.name.clone(),
            pages: pages.into_iter().map(|(_, page)| page).collect(),
            images,
        });
    }
    Ok(previews)
}

/// A staging folder inside `out` (so that images are renamed, never copied across disks);
/// removed when dropped.
fn staging_folder(out: &Path) -> Result<tempfile::TempDir, Error> {
    let cause = |e: &std::io::Error| Box::new(Run::io(e));
    std::fs::create_dir_all(out).map_err(|e| {
        Error::about(out, Said::CannotCreateOut { cause: cause(&e) }).help(Said::ChooseAnotherOut)
    })?;
    tempfile::Builder::new()
        .prefix(".vanban-preview-")
        .tempdir_in(out)
        .map_err(|e| {
            Error::about(out, Said::CannotWriteInOut { cause: cause(&e) })
                .help(Said::ChooseAnotherOut)
        })
}

/// Writes each staged page as `<name>-<n>.png` (n padded to the page count's digits, as
/// pdftoppm does) and removes the document's other page images, so that the folder shows one
/// version of it.
fn place_pages(out: &Path, name: &Path, pages: &[(PathBuf, Page)]) -> Result<Vec<PathBuf>, Error> {
    let width = pages.last().map_or(1, |(_, p)| p.number.to_string().len());
    let mut written = Vec::new();
    for (staged, page) in pages {
        let stem = name.file_name().unwrap_or_default().to_string_lossy();
        let target = out
            .join(name)
            .with_file_name(format!("{stem}-{:0width$}.png", page.number));
        let bytes = std::fs::read(staged).map_err(|e| Error::output_io(staged, &e))?;
        output::write_atomic(&target, &bytes)?;
        written.push(target);
    }
    remove_stale_pages(&out.join(name), &written);
    Ok(written)
}

/// Page images `<stem>-<digits>.png` beside `document` that this preview did not write: pages
/// of an earlier version (longer, or previewed whole), which would pass for pages of this one.
fn remove_stale_pages(document: &Path, written: &[PathBuf]) {
    let stem = document.file_name().unwrap_or_default().to_string_lossy();
    let folder = document.parent().unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let file = entry.file_name().to_string_lossy().into_owned();
        let page = file
            .strip_prefix(&*stem)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.strip_suffix(".png"));
        let is_page = page.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if is_page && !written.contains(&path) {
            // Best effort: a stale image that cannot be removed is only stale.
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// "8–16", "2, 5–7": page numbers as ranges.
pub(crate) fn ranges(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < numbers.len() {
        let start = numbers[index];
        let mut end = start;
        while index + 1 < numbers.len() && numbers[index + 1] == end + 1 {
            index += 1;
            end = numbers[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(app: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        if let Some(app) = app {
            zip.start_file("docProps/app.xml", options).unwrap();
            std::io::Write::write_all(
                &mut zip,
                format!("<Properties><Application>{app}</Application></Properties>").as_bytes(),
            )
            .unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn the_generator_is_read_from_app_xml() {
        assert_eq!(
            generator(&package(Some("vanban"))).as_deref(),
            Some("vanban")
        );
        assert_eq!(
            generator(&package(Some("Microsoft Office Word"))).as_deref(),
            Some("Microsoft Office Word")
        );
        assert_eq!(generator(&package(None)), None);
        assert_eq!(generator(b"not a zip"), None);
    }

    #[test]
    fn page_numbers_read_as_ranges() {
        assert_eq!(ranges(&[8, 9, 10, 11]), "8–11");
        assert_eq!(ranges(&[2, 5, 6, 7, 9]), "2, 5–7, 9");
        assert_eq!(ranges(&[]), "");
    }

    #[test]
    fn stale_pages_of_the_document_go_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "x-1.png",
            "x-2.png",
            "x-3.png",
            "x-b.png",
            "x-2-1.png",
            "xy-3.png",
        ] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        let written = [dir.path().join("x-1.png"), dir.path().join("x-2.png")];
        remove_stale_pages(&dir.path().join("x"), &written);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            ["x-1.png", "x-2-1.png", "x-2.png", "x-b.png", "xy-3.png"]
        );
    }
}
