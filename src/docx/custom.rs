//! The custom XML item every document carries: the provenance `vanban pull` reads back
//! (customXml/item1.xml, its properties part and their relationship). A custom XML item is
//! the part Word and LibreOffice both keep, unread and unchanged, when they save a document;
//! its properties name the item's namespace, as Word expects.

/// The namespace of the provenance `vanban pull` reads; its version is part of it.
pub(crate) const NAMESPACE: &str = "urn:vanban:provenance:2";

/// The item's id: fixed, so the same record gives the same bytes.
const ITEM_ID: &str = "{5D2E7A41-3C1B-4F6E-9A0D-7B8C1E2F3A40}";

const ITEM_RELS: &str = concat!(
    declaration!(),
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>"#,
);

fn item_props() -> String {
    format!(
        "{}<ds:datastoreItem ds:itemID=\"{ITEM_ID}\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs><ds:schemaRef ds:uri=\"{NAMESPACE}\"/></ds:schemaRefs></ds:datastoreItem>",
        declaration!()
    )
}

/// The part holding the item itself, the only one that differs between documents.
pub(super) const ITEM: &str = "customXml/item1.xml";

/// The item's other parts, the same in every document, written after it: its properties and
/// their relationship.
pub(super) fn constant_parts() -> [(&'static str, String); 2] {
    [
        ("customXml/itemProps1.xml", item_props()),
        ("customXml/_rels/item1.xml.rels", ITEM_RELS.to_string()),
    ]
}
