//! The parts every document carries unchanged whatever its record or size set: settings, the
//! font table and the two page-number headers. They are constants, written out here in
//! schema order, so nothing builds or reorders them at run time.

/// The namespace of WordprocessingML, the only one these parts use.
macro_rules! w_namespace {
    () => {
        r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
    };
}

/// word/settings.xml: 100 % zoom, Word's default tab stop, and `compatibilityMode` 15 so that
/// Word opens the file in its current layout mode, not in compatibility mode. The other
/// compatibility options are the ones docx-rs wrote when it built this part; kept, so that Word
/// lays documents out as before.
pub(super) const SETTINGS: &str = concat!(
    declaration!(),
    "<w:settings ",
    w_namespace!(),
    ">",
    r#"<w:zoom w:percent="100"/>"#,
    r#"<w:defaultTabStop w:val="840"/>"#,
    "<w:compat>",
    "<w:spaceForUL/>",
    "<w:balanceSingleByteDoubleByteWidth/>",
    "<w:doNotLeaveBackslashAlone/>",
    "<w:ulTrailSpace/>",
    "<w:doNotExpandShiftReturn/>",
    "<w:useFELayout/>",
    r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
    r#"<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>"#,
    r#"<w:compatSetting w:name="useWord2013TrackBottomHyphenation" w:uri="http://schemas.microsoft.com/office/word" w:val="0"/>"#,
    "</w:compat>",
    "</w:settings>",
);

/// word/fontTable.xml: the one font the document uses (the styles' Times New Roman; no run
/// names another), so Word offers no substitutes for fonts that are not there.
pub(super) const FONT_TABLE: &str = concat!(
    declaration!(),
    "<w:fonts ",
    w_namespace!(),
    ">",
    r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    "</w:fonts>",
);

/// word/header1.xml, the header of every page but the first: a centred PAGE field in the
/// Page Number style (nd30.md §2), showing "2" until the reader updates it.
pub(super) const PAGE_NUMBER_HEADER: &str = concat!(
    declaration!(),
    "<w:hdr ",
    w_namespace!(),
    ">",
    "<w:p>",
    r#"<w:pPr><w:pStyle w:val="PageNumber"/></w:pPr>"#,
    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
    "<w:r><w:instrText>PAGE</w:instrText></w:r>",
    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
    "<w:r><w:t>2</w:t></w:r>",
    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
    "</w:p>",
    "</w:hdr>",
);

/// word/header2.xml, the first page's header: empty, so page 1 shows no number (nd30.md §2).
pub(super) const FIRST_PAGE_HEADER: &str = concat!(
    declaration!(),
    "<w:hdr ",
    w_namespace!(),
    ">",
    r#"<w:p><w:pPr><w:pStyle w:val="PageNumber"/></w:pPr></w:p>"#,
    "</w:hdr>",
);

#[cfg(test)]
mod tests {
    use super::super::styles::{FONT, id};
    use super::*;

    #[test]
    fn the_headers_use_the_page_number_style() {
        let style = format!(r#"<w:pStyle w:val="{}"/>"#, id::PAGE_NUMBER);
        for header in [PAGE_NUMBER_HEADER, FIRST_PAGE_HEADER] {
            assert!(header.contains(&style), "{header}");
        }
    }

    #[test]
    fn the_font_table_names_only_the_decree_font() {
        assert!(FONT_TABLE.contains(&format!(r#"<w:font w:name="{FONT}">"#)));
        assert_eq!(FONT_TABLE.matches("<w:font ").count(), 1);
    }
}
