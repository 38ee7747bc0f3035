//! Puts docx-rs output into the element order of the ECMA-376 schema, and makes the few
//! additions docx-rs has no API for.
//!
//! docx-rs writes, for example, `w:rFonts` after `w:sz` and `w:jc` after `w:pStyle`; Word may
//! then refuse the file (bokuweb/docx-rs#724) and validators report it. Rather than patching
//! individual strings, each XML part is parsed into a small tree and the children of every
//! property element are stably sorted by their position in the schema's sequence
//! ([`ORDER`]). The same pass renumbers `w14:paraId` per document so that the same input always gives the same bytes.
//! The document part itself is written in order by `document` and does not come here.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Child order of the elements docx-rs writes out of order (ECMA-376 Part 1, §17).
const ORDER: &[(&str, &[&str])] = &[
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:trPr",
        &[
            "w:cnfStyle",
            "w:divId",
            "w:gridBefore",
            "w:gridAfter",
            "w:wBefore",
            "w:wAfter",
            "w:cantSplit",
            "w:trHeight",
            "w:tblHeader",
            "w:tblCellSpacing",
            "w:jc",
            "w:hidden",
            "w:ins",
            "w:del",
            "w:trPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
    (
        "w:tblCellMar",
        &["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
];

/// A parsed XML node. Text and attribute values stay escaped exactly as read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Element {
    fn new(name: &str) -> Element {
        Element {
            name: name.to_string(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    fn child_elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }
}

fn start_element(start: &BytesStart<'_>) -> Element {
    let mut element = Element::new(start.name().as_ref());
    for attribute in start.attributes().flatten() {
        let key = attribute.key.as_ref().to_string();
        let value = attribute.value.to_string();
        element.attributes.push((key, value));
    }
    element
}

/// Parses an XML part. docx-rs output is well-formed; a failure here is a bug, reported as such.
fn parse(xml: &[u8]) -> Result<Element, String> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<Element> = vec![Element::new("#document")];
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("docx-rs wrote malformed XML: {e}"))?;
        match event {
            Event::Start(start) => stack.push(start_element(&start)),
            Event::Empty(start) => {
                let element = start_element(&start);
                stack
                    .last_mut()
                    .ok_or("unbalanced XML")?
                    .children
                    .push(Node::Element(element));
            }
            Event::End(_) => {
                let done = stack.pop().ok_or("unbalanced XML")?;
                stack
                    .last_mut()
                    .ok_or("unbalanced XML")?
                    .children
                    .push(Node::Element(done));
            }
            Event::Text(text) => {
                let raw = text.to_string();
                stack
                    .last_mut()
                    .ok_or("unbalanced XML")?
                    .children
                    .push(Node::Text(raw));
            }
            Event::GeneralRef(reference) => {
                let raw = format!("&{};", &*reference);
                stack
                    .last_mut()
                    .ok_or("unbalanced XML")?
                    .children
                    .push(Node::Text(raw));
            }
            Event::CData(data) => {
                let raw = quick_xml::escape::escape(&*data).into_owned();
                stack
                    .last_mut()
                    .ok_or("unbalanced XML")?
                    .children
                    .push(Node::Text(raw));
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    let mut document = stack.pop().ok_or("unbalanced XML")?;
    if !stack.is_empty() {
        return Err("unclosed XML element".into());
    }
    document
        .children
        .drain(..)
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| "empty XML part".into())
}

fn write(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&element.name);
    for (key, value) in &element.attributes {
        out.push_str(&format!(" {key}=\"{value}\""));
    }
    if element.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in &element.children {
        match child {
            Node::Element(e) => write(e, out),
            Node::Text(t) => out.push_str(t),
        }
    }
    out.push_str(&format!("</{}>", element.name));
}

fn serialize(root: &Element) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    write(root, &mut out);
    out.into_bytes()
}

fn rank(order: &[&str], child: &Node) -> usize {
    match child {
        Node::Element(e) => order
            .iter()
            .position(|n| *n == e.name)
            .unwrap_or(order.len()),
        Node::Text(_) => order.len(),
    }
}

/// Sorts children of every element with a known sequence; unknown children keep their place
/// at the end, in their original order (the sort is stable).
fn reorder(element: &mut Element) {
    if let Some((_, order)) = ORDER.iter().find(|(name, _)| *name == element.name) {
        element.children.sort_by_key(|c| rank(order, c));
    }
    for child in element.child_elements_mut() {
        reorder(child);
    }
}

/// Style and default paragraph properties are CT_PPrBase, which has no `w:rPr`; docx-rs
/// writes an empty one there. Empty ones are dropped; anything with content is left for the
/// validator to report.
fn drop_empty_run_properties_from_base(element: &mut Element) {
    if element.name == "w:style" || element.name == "w:pPrDefault" {
        for p_pr in element.child_elements_mut().filter(|e| e.name == "w:pPr") {
            p_pr.children.retain(
                |c| !matches!(c, Node::Element(e) if e.name == "w:rPr" && e.children.is_empty()),
            );
        }
    }
    for child in element.child_elements_mut() {
        drop_empty_run_properties_from_base(child);
    }
}

fn fix_attributes(element: &mut Element, next_para_id: &mut u32) {
    for (key, value) in &mut element.attributes {
        if key == "w14:paraId" {
            *next_para_id += 1;
            *value = format!("{:08X}", *next_para_id);
        }
    }
    for child in element.child_elements_mut() {
        fix_attributes(child, next_para_id);
    }
}

/// Normalises one part.
pub fn normalise(xml: &[u8], next_para_id: &mut u32) -> Result<Vec<u8>, String> {
    let mut root = parse(xml)?;
    fix_attributes(&mut root, next_para_id);
    drop_empty_run_properties_from_base(&mut root);
    reorder(&mut root);
    Ok(serialize(&root))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(xml: &str) -> String {
        String::from_utf8(normalise(xml.as_bytes(), &mut 0).unwrap()).unwrap()
    }

    #[test]
    fn run_properties_follow_the_schema_sequence() {
        let out = normalised(
            r#"<w:r><w:rPr><w:sz w:val="26"/><w:b/><w:rFonts w:ascii="Times New Roman"/></w:rPr><w:t xml:space="preserve">A &amp; B</w:t></w:r>"#,
        );
        assert!(out.ends_with(r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:b/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">A &amp; B</w:t></w:r>"#), "{out}");
    }

    #[test]
    fn paragraph_properties_and_sections_are_ordered() {
        let out = normalised(
            r#"<w:p><w:pPr><w:rPr/><w:jc w:val="center"/><w:pStyle w:val="Body"/></w:pPr></w:p>"#,
        );
        assert!(
            out.contains(
                r#"<w:pPr><w:pStyle w:val="Body"/><w:jc w:val="center"/><w:rPr/></w:pPr>"#
            ),
            "{out}"
        );
        let out = normalised(r#"<w:sectPr><w:pgSz/><w:titlePg/><w:headerReference/></w:sectPr>"#);
        assert!(
            out.contains("<w:sectPr><w:headerReference/><w:pgSz/><w:titlePg/></w:sectPr>"),
            "{out}"
        );
    }

    #[test]
    fn style_paragraph_properties_carry_no_run_properties() {
        let out = normalised(
            r#"<w:styles><w:style><w:pPr><w:rPr/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>"#,
        );
        assert!(
            out.contains(
                r#"<w:style><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#
            ),
            "{out}"
        );
    }

    #[test]
    fn paragraph_ids_are_renumbered_per_document() {
        let mut next = 0;
        let xml = r#"<w:body><w:p w14:paraId="0000002A"/><w:p w14:paraId="00000099"/></w:body>"#;
        let out = String::from_utf8(normalise(xml.as_bytes(), &mut next).unwrap()).unwrap();
        assert!(
            out.contains(r#"<w:p w14:paraId="00000001"/><w:p w14:paraId="00000002"/>"#),
            "{out}"
        );
        assert_eq!(next, 2);
    }
}
