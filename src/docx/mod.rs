//! The only module that knows OOXML: turns a laid-out [`Document`] into the bytes of a valid,
//! deterministic .docx, every part written by vanban in ECMA-376 element order.
//!
//! [`document`] writes word/document.xml straight from the layout; [`styles`] writes the style
//! sheet of a size set; [`fixed`] holds the parts that never change (settings, font table,
//! the page-number headers) as constants; [`package`] writes the zip with fixed timestamps,
//! the document properties and a theme.

/// The XML declaration every part starts with, on a line of its own.
macro_rules! declaration {
    () => {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    };
}

mod archive;
mod custom;
mod document;
mod fixed;
mod package;
mod paragraphs;
mod styles;
mod tables;
mod xml;

pub(crate) use archive::Threads;
pub(crate) use custom::NAMESPACE as PROVENANCE_NAMESPACE;
use package::ConstantParts;
pub(crate) use package::Properties;
pub(crate) use xml::Outline;

use std::sync::{Arc, Mutex, PoisonError};

use crate::layout::{Document, Sizes};

/// Relationship ids of the two header parts every section shares: the page number, and the
/// empty first-page header that hides it on page 1 (nd30.md §2).
const PAGE_HEADER: &str = "rIdHeader1";
const FIRST_PAGE_HEADER: &str = "rIdHeader2";

/// Draws the document and returns the .docx bytes. `outline` watches word/document.xml's
/// text as it is written (streamed into its zip entry, never held whole) and then gives the
/// custom XML item (`custom`). An error here is a defect of vanban, not of the record; it is
/// reported rather than panicking.
pub(crate) fn write(
    document: &Document,
    properties: &Properties,
    mut outline: impl Recording,
    threads: Threads,
) -> Result<Vec<u8>, String> {
    let constant = constant_parts(&document.sizes)?;
    let draw = move |sink: &mut dyn std::io::Write| {
        document::write(document, sink, &mut outline)?;
        Ok(outline.item())
    };
    package::pack(&constant, draw, properties, threads)
}

/// What watches a document's text as it is written ([`Outline`]) and then gives the
/// provenance item written into the document: `pull`'s map.
pub(crate) trait Recording: Outline {
    /// The whole custom XML item.
    fn item(self) -> String;
}

/// The parts of a size set that no record changes, deflated once per process: the style
/// sheet (the only one of them that depends on more than constants) and the fixed parts.
fn constant_parts(sizes: &Sizes) -> Result<Arc<ConstantParts>, String> {
    static DEFLATED: Mutex<Vec<(Sizes, Arc<ConstantParts>)>> = Mutex::new(Vec::new());
    let mut deflated = DEFLATED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, parts)) = deflated.iter().find(|(s, _)| s == sizes) {
        return Ok(Arc::clone(parts));
    }
    let parts = Arc::new(ConstantParts::new(&styles::styles_xml(sizes))?);
    deflated.push((*sizes, Arc::clone(&parts)));
    Ok(parts)
}
