//! Writes word/document.xml from the laid-out [`Document`]: paragraphs with their named
//! styles, the three kinds of table ([`tables`](super::tables)) and one section per part, each
//! element's children in the order ECMA-376 Part 1 §17 prescribes, so the part needs no
//! reordering afterwards.

use super::paragraphs::{ParaProps, paragraph, paragraph_properties, rule, run, spans, styled};
use super::styles::id;
use super::tables;
use super::xml::{Outline, Xml};
use super::{FIRST_PAGE_HEADER, PAGE_HEADER};
use crate::layout::{
    AppendixPart, BodyItem, Document, MainPart, ParaKind, Paragraph, Part, Section,
};

/// `w:sectPr`: page size and margins, the shared page-number headers (none on the first page,
/// nd30.md §2) and, where the part starts its own numbering, the restart at 1.
fn section_properties(x: &mut Xml, section: &Section, restart: bool) {
    let s = section.setup;
    x.open("w:sectPr", &[]);
    x.empty(
        "w:headerReference",
        &[("w:type", "default"), ("r:id", PAGE_HEADER)],
    );
    x.empty(
        "w:headerReference",
        &[("w:type", "first"), ("r:id", FIRST_PAGE_HEADER)],
    );
    let (w, h) = (s.width.to_string(), s.height.to_string());
    if s.is_landscape() {
        x.empty(
            "w:pgSz",
            &[("w:w", &w), ("w:h", &h), ("w:orient", "landscape")],
        );
    } else {
        x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h)]);
    }
    let margins = [s.top, s.right, s.bottom, s.left, s.header, s.header].map(|v| v.to_string());
    x.empty(
        "w:pgMar",
        &[
            ("w:top", &margins[0]),
            ("w:right", &margins[1]),
            ("w:bottom", &margins[2]),
            ("w:left", &margins[3]),
            ("w:header", &margins[4]),
            ("w:footer", &margins[5]),
            ("w:gutter", "0"),
        ],
    );
    if restart {
        x.empty("w:pgNumType", &[("w:start", "1")]);
    }
    x.empty("w:cols", &[("w:space", "425")]);
    x.empty("w:titlePg", &[]);
    x.close("w:sectPr");
}

fn body_paragraph(x: &mut Xml, p: &Paragraph, keep_next: bool) {
    let style = match p.kind {
        ParaKind::Body | ParaKind::Khoan => id::BODY,
        ParaKind::Heading1 => id::HEADING1,
        ParaKind::Heading2 => id::HEADING2,
        ParaKind::Heading3 => id::HEADING3,
        ParaKind::Dash | ParaKind::Plus => id::POINT,
        ParaKind::Note => id::NOTE,
    };
    let props = ParaProps {
        keep_next,
        ..ParaProps::style(style)
    };
    paragraph(x, &props, |x| {
        if !p.prefix.is_empty() {
            run(x, &p.prefix, false, false);
        }
        spans(x, &p.text, false);
    });
}

/// Body items; the last paragraph is kept with what follows (the signature).
fn draw_body(x: &mut Xml, body: &[BodyItem]) {
    let last = body.len().saturating_sub(1);
    for (i, item) in body.iter().enumerate() {
        match item {
            BodyItem::Paragraph(p) => body_paragraph(x, p, i == last),
            BodyItem::Table(t) => {
                tables::body(x, t);
                styled(x, id::RULE, "");
            }
        }
    }
}

fn draw_main(x: &mut Xml, page: &MainPart) {
    tables::header(x, &page.header);
    if let Some(title) = &page.title {
        styled(x, id::KIND, &title.kind);
        styled(x, id::TRICH_YEU, &title.trich_yeu);
        rule(x, title.rule);
    }
    if let Some(kg) = &page.kinh_gui {
        for (i, line) in kg.lines.iter().enumerate() {
            let hanging = if i == 0 { 0 } else { kg.hanging };
            let props = ParaProps {
                indent: Some((kg.indent + hanging, 0)),
                space_before: (i == 0).then_some(240),
                ..ParaProps::style(id::KINH_GUI)
            };
            paragraph(x, &props, |x| run(x, line, false, false));
        }
    }
    for line in &page.can_cu {
        styled(x, id::CAN_CU, line);
    }
    draw_body(x, &page.body);
    let keep = ParaProps {
        keep_next: true,
        ..ParaProps::style(id::BODY)
    };
    paragraph(x, &keep, |_| {});
    tables::signature(x, &page.signature);
}

fn draw_appendix(x: &mut Xml, appendix: &AppendixPart) {
    let label = ParaProps {
        space_before: appendix.signature_space,
        ..ParaProps::style(id::APPENDIX_LABEL)
    };
    paragraph(x, &label, |x| run(x, &appendix.label, false, false));
    styled(x, id::APPENDIX_TITLE, &appendix.title);
    styled(x, id::APPENDIX_ATTACHED, &appendix.attached);
    rule(x, appendix.rule);
    // Clear space between the rule under "(Kèm theo …)" and the table.
    let gap = ParaProps {
        space_before: Some(160),
        ..ParaProps::style(id::RULE)
    };
    paragraph(x, &gap, |_| {});
    draw_body(x, &appendix.body);
}

/// Writes the document part into `sink` as it is drawn, telling `outline` its text.
pub(super) fn write(
    document: &Document,
    sink: &mut dyn std::io::Write,
    outline: &mut dyn Outline,
) -> std::io::Result<()> {
    let mut x = Xml::watched(sink, outline);
    x.open(
        "w:document",
        &[
            (
                "xmlns:w",
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            ),
            (
                "xmlns:r",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            ),
        ],
    );
    x.open("w:body", &[]);
    let last = document.sections.len().saturating_sub(1);
    for (i, section) in document.sections.iter().enumerate() {
        match &section.part {
            Part::Main(main) => draw_main(&mut x, main),
            Part::Appendix(appendix) => draw_appendix(&mut x, appendix),
        }
        let restart = section.restart_numbering && last > 0;
        if i < last {
            // A section other than the last ends with a paragraph that carries its properties.
            x.open("w:p", &[]);
            paragraph_properties(&mut x, &ParaProps::style(id::RULE), |x| {
                section_properties(x, section, restart);
            });
            x.close("w:p");
        } else {
            section_properties(&mut x, section, restart);
        }
    }
    x.close("w:body");
    x.close("w:document");
    x.finish()
}
