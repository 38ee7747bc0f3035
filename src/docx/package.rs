//! Writes the .docx package: the document part, the style sheet of its size set, the fixed
//! parts ([`fixed`](super::fixed)), content types, relationships, a theme and the document
//! properties, into a zip whose entries are deflated and carry a fixed timestamp. Only parts
//! the document uses are written (no empty comments, numbering or footnotes), so every
//! relationship points at something real.
//!
//! The parts that are the same in every document of a size set are deflated once per process
//! ([`ConstantParts`]) and copied into each package as finished entries; the zip itself is
//! written by [`archive`](super::archive).

use std::io::Write;

use super::archive::{Archive, Prepared, Threads};
use super::xml::escape;
use super::{custom, fixed};
use crate::record::DocDate;

/// Document properties (docProps/core.xml and app.xml), read by e-office systems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Properties {
    /// The trích yếu.
    pub title: String,
    /// The kind ("Kế hoạch").
    pub subject: String,
    /// The issuing body.
    pub creator: String,
    /// Số, ký hiệu.
    pub keywords: String,
    /// The record's signing date (never the clock); a draft's may lack its day and month.
    pub signed: DocDate,
}

/// The content type of the part word/header`n`.xml.
macro_rules! header_override {
    ($n:literal) => {
        concat!(
            r#"<Override PartName="/word/header"#,
            $n,
            r#".xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
        )
    };
}

const CONTENT_TYPES: &str = concat!(
    declaration!(),
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    header_override!("1"),
    header_override!("2"),
    // The provenance of the document (`custom`), read back by `vanban pull`.
    r#"<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>"#,
    "</Types>",
);

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

/// A minimal Office theme whose fonts are Times New Roman, so that theme-font fallbacks
/// (which Word uses for some East Asian and complex-script runs) stay in the decree's font.
const THEME: &str = include_str!("theme1.xml");

fn core_xml(p: &Properties) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision>{}</cp:coreProperties>"#,
        escape(&p.title),
        escape(&p.subject),
        escape(&p.creator),
        escape(&p.keywords),
        escape(&p.creator),
        dates(p.signed)
    )
}

/// `dcterms:created` and `dcterms:modified`: the signing date, only when its day and month are
/// known. W3CDTF allows "2021" or "2021-06", but LibreOffice drops the first and turns the
/// second into the impossible "2021-06-00", and the 1st of the month would be invented; a
/// draft without its day has no dates.
fn dates(signed: DocDate) -> String {
    let (Some(month), Some(day)) = (signed.month, signed.day) else {
        return String::new();
    };
    let timestamp = format!("{:04}-{month:02}-{day:02}T00:00:00Z", signed.year);
    format!(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">{timestamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{timestamp}</dcterms:modified>"#
    )
}

fn app_xml(p: &Properties) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>vanban</Application><Company>{}</Company><AppVersion>{}</AppVersion></Properties>"#,
        escape(&p.creator),
        app_version()
    )
}

/// AppVersion must look like "XX.YYYY"; derived from the crate version so it never drifts.
fn app_version() -> String {
    let major: u32 = env!("CARGO_PKG_VERSION_MAJOR").parse().unwrap_or(0);
    let minor: u32 = env!("CARGO_PKG_VERSION_MINOR").parse().unwrap_or(0);
    format!("{major:02}.{minor:04}")
}

/// One relationship of the document part, to a part in word/.
macro_rules! relationship {
    ($id:literal, $kind:literal, $target:literal) => {
        concat!(
            r#"<Relationship Id=""#,
            $id,
            r#"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/"#,
            $kind,
            r#"" Target=""#,
            $target,
            r#""/>"#
        )
    };
}

/// word/_rels/document.xml.rels. The header ids are the ones the sections of document.xml
/// refer to ([`super::PAGE_HEADER`], [`super::FIRST_PAGE_HEADER`]; a test keeps them equal).
const DOCUMENT_RELS: &str = concat!(
    declaration!(),
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    relationship!("rId1", "styles", "styles.xml"),
    relationship!("rId2", "fontTable", "fontTable.xml"),
    relationship!("rId3", "settings", "settings.xml"),
    relationship!("rId4", "theme", "theme/theme1.xml"),
    relationship!("rIdHeader1", "header", "header1.xml"),
    relationship!("rIdHeader2", "header", "header2.xml"),
    relationship!("rIdProvenance", "customXml", "../customXml/item1.xml"),
    "</Relationships>",
);

/// Parts deflated once, ready to be copied into a package in the order given.
struct Deflated(Vec<Prepared>);

impl Deflated {
    fn new(parts: &[(&str, &[u8])]) -> std::io::Result<Deflated> {
        parts
            .iter()
            .map(|(name, bytes)| Prepared::new(name, bytes))
            .collect::<std::io::Result<_>>()
            .map(Deflated)
    }

    fn copy_into(&self, archive: &mut Archive) -> std::io::Result<()> {
        self.0.iter().try_for_each(|entry| archive.copy(entry))
    }
}

/// The parts every document of one size set shares, deflated once: those before the
/// document's own properties, those after word/document.xml, and those after the custom XML
/// item.
pub(super) struct ConstantParts {
    leading: Deflated,
    trailing: Deflated,
    custom: Deflated,
}

impl ConstantParts {
    /// `styles` is the style sheet of the size set.
    pub(super) fn new(styles: &[u8]) -> Result<ConstantParts, String> {
        let deflated = || -> std::io::Result<ConstantParts> {
            Ok(ConstantParts {
                leading: Deflated::new(&[
                    ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
                    ("_rels/.rels", ROOT_RELS.as_bytes()),
                ])?,
                trailing: Deflated::new(&[
                    ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
                    ("word/styles.xml", styles),
                    ("word/settings.xml", fixed::SETTINGS.as_bytes()),
                    ("word/fontTable.xml", fixed::FONT_TABLE.as_bytes()),
                    ("word/theme/theme1.xml", THEME.as_bytes()),
                    ("word/header1.xml", fixed::PAGE_NUMBER_HEADER.as_bytes()),
                    ("word/header2.xml", fixed::FIRST_PAGE_HEADER.as_bytes()),
                ])?,
                custom: Deflated::new(
                    &custom::constant_parts()
                        .each_ref()
                        .map(|(n, t)| (*n, t.as_bytes())),
                )?,
            })
        };
        deflated().map_err(|e| zip_error(&e))
    }
}

fn zip_error(e: &dyn std::fmt::Display) -> String {
    format!("zip: {e}")
}

/// Packs the parts into .docx bytes: `constant` holds the parts of the document's size set;
/// `document` writes word/document.xml straight into its zip entry, then gives the custom XML
/// item (`custom`, built while the document was written), written last with its constant
/// parts.
pub(super) fn pack(
    constant: &ConstantParts,
    document: impl FnOnce(&mut dyn Write) -> std::io::Result<String>,
    properties: &Properties,
    threads: Threads,
) -> Result<Vec<u8>, String> {
    let packed = || -> std::io::Result<Vec<u8>> {
        let mut archive = Archive::new();
        constant.leading.copy_into(&mut archive)?;
        archive.add("docProps/core.xml", core_xml(properties).as_bytes())?;
        archive.add("docProps/app.xml", app_xml(properties).as_bytes())?;
        let mut entry = archive.entry("word/document.xml", threads)?;
        let item = document(&mut entry)?;
        entry.finish()?;
        constant.trailing.copy_into(&mut archive)?;
        archive.add(custom::ITEM, item.as_bytes())?;
        constant.custom.copy_into(&mut archive)?;
        archive.finish()
    };
    packed().map_err(|e| zip_error(&e))
}

#[cfg(test)]
mod tests {
    use super::super::{FIRST_PAGE_HEADER, PAGE_HEADER};
    use super::*;

    fn properties(day: Option<u32>, month: Option<u32>) -> Properties {
        Properties {
            title: "T".into(),
            subject: "Kế hoạch".into(),
            creator: "Sở Nội vụ".into(),
            keywords: "/KH-SNV".into(),
            signed: DocDate {
                day,
                month,
                year: 2021,
            },
        }
    }

    #[test]
    fn a_known_signing_day_dates_the_document() {
        let core = core_xml(&properties(Some(9), Some(3)));
        assert!(core.contains(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-09T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2021-03-09T00:00:00Z</dcterms:modified></cp:coreProperties>"#
        ), "{core}");
    }

    #[test]
    fn a_draft_without_its_day_has_no_invented_date() {
        for core in [
            core_xml(&properties(None, Some(6))),
            core_xml(&properties(None, None)),
        ] {
            assert!(!core.contains("dcterms:created"), "{core}");
            assert!(!core.contains("dcterms:modified"), "{core}");
            assert!(core.ends_with("<cp:revision>1</cp:revision></cp:coreProperties>"));
        }
    }

    #[test]
    fn the_sections_header_ids_name_the_header_parts() {
        for (id, part) in [
            (PAGE_HEADER, "header1.xml"),
            (FIRST_PAGE_HEADER, "header2.xml"),
        ] {
            let relationship = format!(
                r#"<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="{part}"/>"#
            );
            assert!(DOCUMENT_RELS.contains(&relationship), "{relationship}");
            assert!(CONTENT_TYPES.contains(&format!(r#"PartName="/word/{part}""#)));
        }
    }
}
