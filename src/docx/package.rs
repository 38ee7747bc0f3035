//! Writes the .docx package: our document part, the parts docx-rs built (normalised by
//! `schema`), our own content types, relationships, theme and document properties, into a
//! zip whose entries are deflated and carry a fixed timestamp. Only parts the document uses are written (no empty
//! comments, numbering or footnotes), so every relationship points at something real.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;

use super::schema;
use super::xml::escape;

/// Document properties (docProps/core.xml and app.xml), read by e-office systems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Properties {
    /// The trích yếu.
    pub title: String,
    /// The kind ("Kế hoạch").
    pub subject: String,
    /// The issuing body.
    pub creator: String,
    /// Số, ký hiệu.
    pub keywords: String,
    /// W3CDTF timestamp from the record's date (never the clock).
    pub created: String,
}

const CONTENT_TYPES_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A minimal Office theme whose fonts are Times New Roman, so that theme-font fallbacks
/// (which Word uses for some East Asian and complex-script runs) stay in the decree's font.
const THEME: &str = include_str!("theme1.xml");

fn core_xml(p: &Properties) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified></cp:coreProperties>"#,
        escape(&p.title),
        escape(&p.subject),
        escape(&p.creator),
        escape(&p.keywords),
        escape(&p.creator),
        p.created,
        p.created
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

fn document_rels(headers: usize) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in [
        ("rId1", "styles", "styles.xml"),
        ("rId2", "fontTable", "fontTable.xml"),
        ("rId3", "settings", "settings.xml"),
        ("rId4", "theme", "theme/theme1.xml"),
    ] {
        out.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#
        ));
    }
    for i in 1..=headers {
        out.push_str(&format!(
            r#"<Relationship Id="rIdHeader{i}" Type="{REL}/header" Target="header{i}.xml"/>"#
        ));
    }
    out.push_str("</Relationships>");
    out
}

fn content_types(headers: usize) -> String {
    let mut out = String::from(CONTENT_TYPES_HEAD);
    for i in 1..=headers {
        out.push_str(&format!(
            r#"<Override PartName="/word/header{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#
        ));
    }
    out.push_str("</Types>");
    out
}

/// The parts that depend only on the size set: styles, settings, font table and the two
/// page-number headers, normalised into schema order.
#[derive(Debug)]
pub struct FixedParts {
    styles: Vec<u8>,
    settings: Vec<u8>,
    font_table: Vec<u8>,
    headers: Vec<Vec<u8>>,
}

impl FixedParts {
    /// Normalises what docx-rs built. Fails only on a defect (docx-rs writing malformed XML).
    pub fn new(parts: &XMLDocx) -> Result<FixedParts, String> {
        let mut next_para_id = 0;
        let mut normalised = |xml: &[u8]| schema::normalise(xml, &mut next_para_id);
        Ok(FixedParts {
            styles: normalised(&parts.styles)?,
            settings: normalised(&parts.settings)?,
            font_table: normalised(&parts.font_table)?,
            headers: parts
                .headers
                .iter()
                .map(|h| normalised(h))
                .collect::<Result<Vec<_>, _>>()?,
        })
    }
}

/// Packs the parts into .docx bytes.
pub fn pack(
    fixed: &FixedParts,
    document: &[u8],
    properties: &Properties,
) -> Result<Vec<u8>, String> {
    let headers = fixed.headers.len();
    let content_types = content_types(headers);
    let core = core_xml(properties);
    let app = app_xml(properties);
    let rels = document_rels(headers);
    let mut entries: Vec<(String, &[u8])> = vec![
        ("[Content_Types].xml".into(), content_types.as_bytes()),
        ("_rels/.rels".into(), ROOT_RELS.as_bytes()),
        ("docProps/core.xml".into(), core.as_bytes()),
        ("docProps/app.xml".into(), app.as_bytes()),
        ("word/document.xml".into(), document),
        ("word/_rels/document.xml.rels".into(), rels.as_bytes()),
        ("word/styles.xml".into(), &fixed.styles),
        ("word/settings.xml".into(), &fixed.settings),
        ("word/fontTable.xml".into(), &fixed.font_table),
        ("word/theme/theme1.xml".into(), THEME.as_bytes()),
    ];
    for (i, header) in fixed.headers.iter().enumerate() {
        entries.push((format!("word/header{}.xml", i + 1), header));
    }

    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        // The "made by" host defaults to the building system (MS-DOS on Windows, Unix
        // elsewhere); fixed so that the same record gives the same bytes on every system.
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let zip_error = |e: &dyn std::fmt::Display| format!("zip: {e}");
    for (name, bytes) in entries {
        zip.start_file(name, options).map_err(|e| zip_error(&e))?;
        zip.write_all(bytes).map_err(|e| zip_error(&e))?;
    }
    Ok(zip.finish().map_err(|e| zip_error(&e))?.into_inner())
}
